using System.Net;
using System.Text.Json;
using Portal.Billing.Ledger.Explaining;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.LedgerApi;

/// <summary>GET /organisations/{org}/terms/{term}/students: who was counted and why, and who may see names.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class ExplainTermTests(BillingApi api)
{
    private readonly Given given = new(api);
    private static readonly DateTimeOffset September = new(2026, 9, 2, 8, 0, 0, TimeSpan.Zero);

    private string Url(string term = "2026-autumn", Guid? school = null) =>
        $"/organisations/{given.Org}/terms/{term}/students" + (school is { } s ? $"?school={s}" : "");

    private async Task<(Guid North, Guid South, IReadOnlyList<Guid> Northerners, IReadOnlyList<Guid> Southerners)> TwoSchoolsWithNames()
    {
        await given.Terms();
        Guid north = await given.School("Northfield Academy"), south = await given.School("Southfield School");
        var northerners = await given.Charges("2026-autumn", north, 2, September);
        var southerners = await given.Charges("2026-autumn", south, 1, September);
        await using var session = given.Session();
        foreach (var student in northerners.Concat(southerners))
            session.Store(new BilledStudentName(student, "Ada", $"Lovelace-{student:N}"[..14], 1));
        await session.SaveChangesAsync();
        return (north, south, northerners, southerners);
    }

    private static IReadOnlyList<JsonElement> Students(JsonElement body) => body.GetProperty("students").EnumerateArray().ToList();

    public static TheoryData<string> TrustLevelCallers => ["district", "customer", "finance", "operator"];

    private HttpClient Caller(string who) => who switch
    {
        "district" => api.District(given.Org),
        "customer" => api.Customer(given.Org),
        "finance" => api.Finance(),
        _ => api.Operator(given.Org),
    };

    [Theory]
    [MemberData(nameof(TrustLevelCallers))]
    public async Task Trust_level_administrators_operators_and_finance_see_every_school_by_id_only(string who)
    {
        var (north, south, northerners, southerners) = await TwoSchoolsWithNames();

        var body = await (await Caller(who).GetAsync(Url())).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(3, body.GetProperty("count").GetInt32());
        Assert.Equal("Autumn 2026", body.GetProperty("termName").GetString());
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 23, 0, 0, TimeSpan.Zero), body.GetProperty("from").GetDateTimeOffset());
        var rows = Students(body);
        Assert.Equal(northerners.Concat(southerners).Order(), rows.Select(r => r.GetProperty("studentId").GetGuid()).Order());
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("givenName").ValueKind));
        Assert.All(rows, r => Assert.Contains(r.GetProperty("schoolId").GetGuid(), new[] { north, south }));
        Assert.Equal(September, rows[0].GetProperty("intervals")[0].GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_building_administrator_sees_their_own_schools_students_with_names()
    {
        var (north, south, northerners, _) = await TwoSchoolsWithNames();

        var body = await (await api.Building(given.Org, north).GetAsync(Url())).ShouldBe(HttpStatusCode.OK);

        var rows = Students(body);
        Assert.Equal(northerners.Order(), rows.Select(r => r.GetProperty("studentId").GetGuid()).Order());
        Assert.All(rows, r => Assert.Equal("Ada", r.GetProperty("givenName").GetString()));
        await (await api.Building(given.Org, north).GetAsync(Url(school: south))).ShouldBeProblem(HttpStatusCode.NotFound, $"no school {south}");
    }

    [Fact]
    public async Task The_school_filter_narrows_the_list_to_one_school()
    {
        var (_, south, _, southerners) = await TwoSchoolsWithNames();

        var body = await (await api.District(given.Org).GetAsync(Url(school: south))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(southerners, Students(body).Select(r => r.GetProperty("studentId").GetGuid()));
    }

    [Fact]
    public async Task Another_organisations_administrator_and_an_unknown_term_get_404_and_a_teacher_403()
    {
        var (north, _, _, _) = await TwoSchoolsWithNames();

        await (await api.District(Guid.NewGuid()).GetAsync(Url())).ShouldBeProblem(HttpStatusCode.NotFound, $"no organisation {given.Org}");
        await (await api.District(given.Org).GetAsync(Url("1999-autumn"))).ShouldBeProblem(HttpStatusCode.NotFound, "no term '1999-autumn'");
        await (await api.Finance().GetAsync($"/organisations/{Guid.NewGuid()}/terms/2026-autumn/students")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.Teacher(given.Org, north).GetAsync(Url())).ShouldBeProblem(HttpStatusCode.Forbidden, "Viewing the organization's invoices");
        await (await api.As(Callers.MachineClient(BillingApi.Audience, "mis-sync")).GetAsync(Url())).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Anonymous().GetAsync(Url())).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Names_come_from_roster_the_newest_description_winning_and_a_deletion_forgetting_the_name()
    {
        await given.Terms();
        var school = await given.School();
        var student = (await given.Charges("2026-autumn", school, 1, September)).Single();
        var roster = new LedgerFeed(api, given.Org);
        await roster.Handled(await roster.Named(student, school, "Grace", "Hopper", 2));
        await roster.Handled(await roster.Named(student, school, "Old", "Name", 1));

        var named = Students(await (await api.Building(given.Org, school).GetAsync(Url())).ShouldBe(HttpStatusCode.OK)).Single();
        Assert.Equal(("Grace", "Hopper"), (named.GetProperty("givenName").GetString(), named.GetProperty("familyName").GetString()));

        await roster.Handled(await roster.Named(student, school, "Grace", "Hopper", 3, deleted: true));
        var forgotten = Students(await (await api.Building(given.Org, school).GetAsync(Url())).ShouldBe(HttpStatusCode.OK)).Single();
        Assert.Equal(JsonValueKind.Null, forgotten.GetProperty("givenName").ValueKind);
    }
}
