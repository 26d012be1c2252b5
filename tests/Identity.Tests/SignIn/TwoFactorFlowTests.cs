using System.Net;
using OtpNet;
using Portal.AppHost.Clients;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

/// <summary>The TOTP step: enrolment when the organisation requires it, then a code at every sign-in, each code once.</summary>
[Collection(SignInApiCollection.Name)]
public sealed class TwoFactorFlowTests(SignInApi api)
{
    [Fact]
    public async Task Required_two_factor_enrols_then_asks_for_a_code_and_refuses_a_replayed_one()
    {
        var (org, district) = await District();
        await (await api.Bearer(district).Put("/two-factor-policy", new { requiredForAllStaff = true })).ShouldBe(HttpStatusCode.OK);
        var email = GivenAccounts.Email();
        await GivenAccounts.Staff(api, district, org, email, "Teacher", [Guid.NewGuid()]);

        string? secret = null;
        var enrolling = api.WebClient();
        var first = await enrolling.SignInAsync(email, GivenAccounts.Password, enrol: key =>
        {
            secret = key;
            return Task.FromResult(Code(key, DateTime.UtcNow));
        });
        Assert.Equal(["pwd", "otp"], Tokens.Claims(first.AccessToken, "amr"));
        Assert.Equal(10, enrolling.RecoveryCodes.Count);

        // The next time step's code: the enrolment used this one's.
        var next = Code(secret!, DateTime.UtcNow.AddSeconds(30));
        var second = await api.WebClient().SignInAsync(email, GivenAccounts.Password, totp: () => Task.FromResult(next));
        Assert.Contains("otp", Tokens.Claims(second.AccessToken, "amr"));

        var replayed = await Assert.ThrowsAsync<SignInFailed>(() =>
            api.WebClient().SignInAsync(email, GivenAccounts.Password, totp: () => Task.FromResult(next)));
        Assert.Contains("The code is not valid.", replayed.Message);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (org, district) = await District();
        await (await api.Bearer(district).Put("/two-factor-policy", new { requiredForAllStaff = true })).ShouldBe(HttpStatusCode.OK);
        var email = GivenAccounts.Email();
        await GivenAccounts.Staff(api, district, org, email, "Teacher", [Guid.NewGuid()]);
        var enrolling = api.WebClient();
        await enrolling.SignInAsync(email, GivenAccounts.Password, enrol: key => Task.FromResult(Code(key, DateTime.UtcNow)));
        var recovery = enrolling.RecoveryCodes[3];

        var tokens = await api.WebClient().SignInAsync(email, GivenAccounts.Password, totp: () => Task.FromResult(recovery.ToLowerInvariant()));
        Assert.Contains("otp", Tokens.Claims(tokens.AccessToken, "amr"));

        await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SignInAsync(email, GivenAccounts.Password, totp: () => Task.FromResult(recovery)));
    }

    [Fact]
    public async Task The_second_step_cannot_be_reached_without_the_password_step()
    {
        var response = await api.Browser().GetAsync("/account/login/2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_district_administrators_set_the_two_factor_policy()
    {
        var (org, district) = await District();
        var email = GivenAccounts.Email();
        await GivenAccounts.Staff(api, district, org, email, "BuildingAdministrator", [Guid.NewGuid()]);
        var building = (await api.WebClient().SignInAsync(email, GivenAccounts.Password)).AccessToken;

        await (await api.Bearer(building).Put("/two-factor-policy", new { requiredForAllStaff = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Only District Administrators set their organisation's two-factor policy.");
    }

    [Fact]
    public async Task The_totp_secret_is_stored_sealed_in_events_and_snapshots()
    {
        var (org, district) = await District();
        await (await api.Bearer(district).Put("/two-factor-policy", new { requiredForAllStaff = true })).ShouldBe(HttpStatusCode.OK);
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.Staff(api, district, org, email, "Teacher", [Guid.NewGuid()]);
        string? secret = null;
        await api.WebClient().SignInAsync(email, GivenAccounts.Password, enrol: key =>
        {
            secret = key;
            return Task.FromResult(Code(key, DateTime.UtcNow));
        });

        await using var connection = new Npgsql.NpgsqlConnection(api.Postgres);
        await connection.OpenAsync();
        var stream = Portal.Identity.Credentials.CredentialsState.StreamId(id);
        var stored = new List<string>();
        foreach (var sql in new[] { "select data::text from mt_events where stream_id = @id", "select data::text from mt_doc_credentialsstate where id = @id" })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", stream);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stored.Add(reader.GetString(0));
        }

        Assert.Contains(stored, json => json.Contains("sealed:"));
        Assert.All(stored, json => Assert.DoesNotContain(secret!, json));
    }

    private async Task<(Guid Org, string Token)> District()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);
        return (org, (await api.WebClient().SignInAsync(email, GivenAccounts.Password)).AccessToken);
    }

    private static string Code(string secret, DateTime at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at);
}
