using Portal.Testing;
using System.Net;

namespace Portal.Identity.Tests.Api;

/// <summary>
/// Set-up steps through the API. An organisation here is just a fresh tenant id (Identity does not ask Institution
/// whether it exists yet), so tests never share data.
/// </summary>
public static class Given
{
    public static Guid Organisation() => Guid.NewGuid();

    public static Guid School() => Guid.NewGuid();

    /// <summary>Registers an account as a District Administrator of the organisation and answers its id.</summary>
    public static async Task<Guid> StaffAccount(
        IdentityApi api, Guid org, string staffType, Guid[] schools, string? email = null, Guid? id = null)
    {
        var response = await api.District(org).Post("/staff", new
        {
            id,
            email = email ?? $"{Guid.NewGuid():N}@northfield.sch.uk",
            givenName = "Alex",
            familyName = "Morgan",
            staffType,
            institutions = schools,
        });
        return (await response.ShouldBe(HttpStatusCode.Created)).Id();
    }
}
