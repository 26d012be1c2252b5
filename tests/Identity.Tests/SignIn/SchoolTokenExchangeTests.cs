using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Portal.AppHost.Clients;
using Portal.Institution.Contracts;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

/// <summary>Trust/LA staff switching into an associated school by token exchange (seed 002).</summary>
[Collection(SignInApiCollection.Name)]
public sealed class SchoolTokenExchangeTests(SignInApi api)
{
    static readonly object[] MisAccess = [new { name = "MIS access", permissions = new[] { "Login to MIS: Associated institutions" } }];

    [Fact]
    public async Task A_trust_administrator_switches_into_an_associated_school_and_is_refused_for_another()
    {
        var (client, trust, id, org, associated, other) = await AssociatedTrustAdministrator(MisAccess);

        var inSchool = await client.SwitchIntoSchoolAsync(trust.AccessToken, associated);

        Assert.Equal([associated.ToString()], Tokens.Claims(inSchool.AccessToken, "institution"));
        Assert.Equal(id.ToString(), Tokens.Payload(inSchool.AccessToken).GetProperty("act").GetProperty("sub").GetString());
        Assert.Equal(org.ToString(), Tokens.Claim(inSchool.AccessToken, "org"));
        var refused = await Assert.ThrowsAsync<SignInFailed>(() => client.SwitchIntoSchoolAsync(trust.AccessToken, other));
        Assert.Contains("You are not associated with that school.", refused.Message);
    }

    [Fact]
    public async Task Without_the_business_role_the_switch_is_refused()
    {
        var (client, trust, _, _, associated, _) = await AssociatedTrustAdministrator(roles: null);

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => client.SwitchIntoSchoolAsync(trust.AccessToken, associated));
        Assert.Contains("Switching into schools needs the permission 'Login to MIS: Associated institutions'.", refused.Message);
    }

    [Fact]
    public async Task A_session_that_passed_two_factor_switches_without_a_second_prompt_and_keeps_otp()
    {
        var (org, associated, _) = await TrustWithTwoSchools();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email, MisAccess);
        var first = await api.WebClient().SignInAsync(email, GivenAccounts.Password);
        await (await api.Bearer(first.AccessToken).Put("/two-factor-policy", new { requiredForAllStaff = false, requiredInstitutions = new[] { associated } }))
            .ShouldBe(HttpStatusCode.OK);
        await Associate(first.AccessToken, id, associated);

        // Signed in with the password only, the school's policy stops the switch.
        var passwordOnly = await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SwitchIntoSchoolAsync(first.AccessToken, associated));
        Assert.Contains("The school requires two-factor authentication", passwordOnly.Message);

        await (await api.Bearer(first.AccessToken).Put("/two-factor-policy", new { requiredForAllStaff = true })).ShouldBe(HttpStatusCode.OK);
        var client = api.WebClient();
        var withOtp = await client.SignInAsync(email, GivenAccounts.Password,
            enrol: key => Task.FromResult(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow)));
        var inSchool = await client.SwitchIntoSchoolAsync(withOtp.AccessToken, associated);

        Assert.Equal(["pwd", "otp"], Tokens.Claims(inSchool.AccessToken, "amr"));
    }

    [Fact]
    public async Task A_school_token_cannot_be_exchanged_again()
    {
        var (client, trust, _, _, associated, _) = await AssociatedTrustAdministrator(MisAccess);
        var inSchool = await client.SwitchIntoSchoolAsync(trust.AccessToken, associated);

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => client.SwitchIntoSchoolAsync(inSchool.AccessToken, associated));
        Assert.Contains("cannot be exchanged again", refused.Message);
    }

    /// <summary>A District Administrator of a trust with two schools, signed in and associated with the first.</summary>
    private async Task<(PortalSignIn Client, TokenSet Trust, Guid Id, Guid Org, Guid Associated, Guid Other)> AssociatedTrustAdministrator(object[]? roles)
    {
        var (org, associated, other) = await TrustWithTwoSchools();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email, roles);
        var client = api.WebClient();
        var trust = await client.SignInAsync(email, GivenAccounts.Password);
        await Associate(trust.AccessToken, id, associated);
        return (client, trust, id, org, associated, other);
    }

    /// <summary>Institution's messages, published to the service's RabbitMQ as Institution would.</summary>
    private async Task<(Guid Org, Guid Associated, Guid Other)> TrustWithTwoSchools()
    {
        var org = Guid.NewGuid();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var bus = api.Services.GetRequiredService<IBus>();
        await bus.Publish(new InstitutionRegistered(org, a, "Northfield Academy", $"A{a:N}"[..7], "Secondary", [], DateTimeOffset.UtcNow));
        await bus.Publish(new InstitutionRegistered(org, b, "Riverside Primary", $"B{b:N}"[..7], "Primary", [], DateTimeOffset.UtcNow));
        return (org, a, b);
    }

    /// <summary>Associates once Identity has consumed the school's registration (the first tries may find it unknown).</summary>
    private async Task Associate(string token, Guid profile, Guid school)
    {
        var client = api.Bearer(token);
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.Post($"/staff/{profile}/associations", new { schoolId = school });
            if (response.IsSuccessStatusCode)
                return;
            if (attempt == 50)
                await response.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(200);
        }
    }
}
