using Portal.Testing;
using System.Net;

namespace Portal.Institution.Tests.Api;

/// <summary>Set-up steps through the API itself, each in a fresh organisation so tests never share data.</summary>
public static class Given
{
    public static async Task<Guid> Organisation(InstitutionApi api, string name = "Northfield Learning Trust")
    {
        var response = await api.Operator().Post("/organisations", new { name, kind = "MultiAcademyTrust" });
        return (await response.ShouldBe(HttpStatusCode.Created)).Id();
    }

    public static async Task<Guid> School(InstitutionApi api, Guid org, string name = "Northfield Primary", string? code = null)
    {
        var response = await api.District(org).Post($"/organisations/{org}/institutions",
            new { name, code = code ?? Random.Shared.Next(100000, 999999).ToString(), phase = "Primary" });
        return (await response.ShouldBe(HttpStatusCode.Created)).Id();
    }
}
