using Portal.Testing;
using System.Net;

namespace Portal.Identity.Tests.SignIn;

public static class GivenAccounts
{
    public const string Password = "Correct-horse-battery-9";

    /// <summary>A District Administrator set up by the platform operator, with a password; answers the id.</summary>
    public static async Task<Guid> DistrictAdministrator(SignInApi api, Guid org, string email, IReadOnlyList<object>? roles = null)
    {
        var operatorToken = await api.OperatorTokenAsync();
        var response = await api.Bearer(operatorToken, org).Post("/staff", new
        {
            email, givenName = "Dana", familyName = "Reid", staffType = "DistrictAdministrator", roles,
        });
        var id = (await response.ShouldBe(HttpStatusCode.Created)).Id();
        await api.SetPasswordAsync(id, org, Password);
        return id;
    }

    /// <summary>A member of staff registered by a District Administrator's token, with a password.</summary>
    public static async Task<Guid> Staff(SignInApi api, string districtToken, Guid org, string email, string staffType, Guid[] schools)
    {
        var response = await api.Bearer(districtToken).Post("/staff", new
        {
            email, givenName = "Sam", familyName = "Okafor", staffType, institutions = schools,
        });
        var id = (await response.ShouldBe(HttpStatusCode.Created)).Id();
        await api.SetPasswordAsync(id, org, Password);
        return id;
    }

    public static string Email() => $"{Guid.NewGuid():N}@northfield.sch.uk";
}
