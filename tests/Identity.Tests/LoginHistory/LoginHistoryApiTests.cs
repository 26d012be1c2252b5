using System.Net;
using System.Text.Json;
using Portal.Identity.Tests.SignIn;
using Portal.Testing;
using static Portal.Identity.Tests.LoginHistory.LoginHistoryGiven;
using ClientSignInFailed = Portal.AppHost.Clients.SignInFailed;

namespace Portal.Identity.Tests.LoginHistory;

/// <summary>The login history per account and per school, read with real tokens from Identity's own login page.</summary>
[Collection(SignInApiCollection.Name)]
public sealed class LoginHistoryApiTests(SignInApi api)
{
    [Fact]
    public async Task Password_sign_ins_are_listed_newest_first_and_a_wrong_password_adds_none()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email);
        await TokenAsync(api, email);
        var token = await TokenAsync(api, email);
        await Assert.ThrowsAsync<ClientSignInFailed>(() => api.WebClient().SignInAsync(email, "Not-the-password-1"));

        var history = await (await api.Bearer(token).GetAsync($"/login-history/accounts/{id}")).ShouldBe(HttpStatusCode.OK);

        var entries = history.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(id, e.GetProperty("accountId").GetGuid());
            Assert.Equal("Staff", e.GetProperty("accountKind").GetString());
            Assert.Equal("Dana Reid", e.GetProperty("displayName").GetString());
            Assert.Equal("Password", e.GetProperty("method").GetString());
            Assert.False(e.GetProperty("twoFactor").GetBoolean());
            Assert.False(e.GetProperty("externalAdministrator").GetBoolean());
        });
        Assert.True(At(entries[0]) >= At(entries[1]));
    }

    [Fact]
    public async Task An_account_history_holds_the_last_50_logins()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email);
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        await Logins(api, id, org, Enumerable.Range(0, 60).Select(i => Login(id, start.AddMinutes(i), [])));
        var token = await TokenAsync(api, email);

        var entries = (await (await api.Bearer(token).GetAsync($"/login-history/accounts/{id}")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().ToList();

        Assert.Equal(50, entries.Count);
        Assert.True(At(entries[0]) > start.AddMinutes(59), "the real sign-in comes first");
        Assert.Equal(start.AddMinutes(59), At(entries[1]));
        Assert.Equal(start.AddMinutes(11), At(entries[49]));
    }

    [Fact]
    public async Task A_school_history_covers_30_days_and_flags_external_administrators()
    {
        var (org, school, trust, building, buildingToken, teacher, _) = await OrganisationWithSchool();
        var now = DateTimeOffset.UtcNow;
        await Logins(api, teacher, org, [Login(teacher, now.AddDays(-31), [school]), Login(teacher, now.AddDays(-29), [school])]);
        await Logins(api, trust, org, [Login(trust, now.AddDays(-1), [school], external: true)]);

        var entries = (await (await api.Bearer(buildingToken).GetAsync($"/login-history/institutions/{school}")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().ToList();

        // The trust's own sign-in acted in no school, so only its switch into this one is here.
        Assert.Equal([teacher, building, trust, teacher], entries.Select(e => e.GetProperty("accountId").GetGuid()));
        Assert.All(entries.Take(2), e =>
        {
            Assert.Equal("Password", e.GetProperty("method").GetString());
            Assert.False(e.GetProperty("externalAdministrator").GetBoolean());
        });
        Assert.True(entries[2].GetProperty("externalAdministrator").GetBoolean());
        Assert.Equal("TokenExchange", entries[2].GetProperty("method").GetString());
        Assert.True(entries[2].GetProperty("twoFactor").GetBoolean());
        Assert.Equal(now.AddDays(-29), At(entries[3]));
    }

    [Fact]
    public async Task A_teacher_sees_their_own_history_and_is_refused_the_school_and_colleagues()
    {
        var (_, school, _, building, _, teacher, teacherToken) = await OrganisationWithSchool();
        var client = api.Bearer(teacherToken);

        var own = await (await client.GetAsync($"/login-history/accounts/{teacher}")).ShouldBe(HttpStatusCode.OK);
        Assert.Single(own.EnumerateArray());
        await (await client.GetAsync($"/login-history/accounts/{building}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Account {building} was not found.");
        await (await client.GetAsync($"/login-history/institutions/{school}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "A school's login history is for administrators");
    }

    [Fact]
    public async Task A_building_administrator_is_limited_to_their_own_school()
    {
        var (org, school, trust, _, buildingToken, teacher, _) = await OrganisationWithSchool();
        var otherSchool = Guid.NewGuid();
        await KnownSchool(api, org, otherSchool);
        var client = api.Bearer(buildingToken);

        await (await client.GetAsync($"/login-history/accounts/{teacher}")).ShouldBe(HttpStatusCode.OK);
        // Out of their school answers exactly as what does not exist.
        await (await client.GetAsync($"/login-history/accounts/{trust}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Account {trust} was not found.");
        foreach (var elsewhere in new[] { otherSchool, Guid.NewGuid() })
            await (await client.GetAsync($"/login-history/institutions/{elsewhere}"))
                .ShouldBeProblem(HttpStatusCode.NotFound, $"School {elsewhere} was not found.");
        await (await client.GetAsync($"/login-history/institutions/{school}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_organisations_account_and_school_are_not_found()
    {
        var (_, schoolB, trustB, _, _, _, _) = await OrganisationWithSchool();
        var orgA = Guid.NewGuid();
        var emailA = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, orgA, emailA);
        var client = api.Bearer(await TokenAsync(api, emailA));

        await (await client.GetAsync($"/login-history/accounts/{trustB}")).ShouldBeProblem(HttpStatusCode.NotFound, trustB.ToString());
        await (await client.GetAsync($"/login-history/institutions/{schoolB}")).ShouldBeProblem(HttpStatusCode.NotFound, schoolB.ToString());
    }

    [Fact]
    public async Task A_platform_operator_reads_the_organisation_named_in_the_header()
    {
        var (org, school, trust, _, _, _, _) = await OrganisationWithSchool();
        var client = api.Bearer(await api.OperatorTokenAsync(), actingOn: org);

        var account = await (await client.GetAsync($"/login-history/accounts/{trust}")).ShouldBe(HttpStatusCode.OK);
        Assert.Single(account.EnumerateArray());
        var schoolHistory = await (await client.GetAsync($"/login-history/institutions/{school}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, schoolHistory.GetArrayLength());
    }

    /// <summary>
    /// An organisation with one school Identity knows: a District Administrator (the trust) who has signed in once, and
    /// a Building Administrator and a teacher at the school, each signed in once.
    /// </summary>
    async Task<(Guid Org, Guid School, Guid Trust, Guid Building, string BuildingToken, Guid Teacher, string TeacherToken)> OrganisationWithSchool()
    {
        var org = Guid.NewGuid();
        var school = Guid.NewGuid();
        await KnownSchool(api, org, school);
        var trustEmail = GivenAccounts.Email();
        var trust = await GivenAccounts.DistrictAdministrator(api, org, trustEmail);
        var trustToken = await TokenAsync(api, trustEmail);
        var buildingEmail = GivenAccounts.Email();
        var building = await GivenAccounts.Staff(api, trustToken, org, buildingEmail, "BuildingAdministrator", [school]);
        var teacherEmail = GivenAccounts.Email();
        var teacher = await GivenAccounts.Staff(api, trustToken, org, teacherEmail, "Teacher", [school]);
        var buildingToken = await TokenAsync(api, buildingEmail);
        var teacherToken = await TokenAsync(api, teacherEmail);
        return (org, school, trust, building, buildingToken, teacher, teacherToken);
    }

    static DateTimeOffset At(JsonElement entry) => entry.GetProperty("at").GetDateTimeOffset();
}
