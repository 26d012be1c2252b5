using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Portal.AppHost.Clients;
using Portal.MisSync;
using Portal.Testing;
using static Portal.EndToEnd.Tests.StudentJourneySteps;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Student logins from the school's request to the student's own pages, through the gateway only: the school raises the
/// "Student logins" case for Years 10 and 11 and an operator approves it; the MIS publishes the roll; exactly the Year
/// 10 and 11 students with emails get logins; start cards set a password; a student signs in, sees only the pages the
/// school made visible and only their own data, and cannot answer a Guardian Details question; taking Year 11 away ends
/// a Year 11 student's refresh token while Year 10 keeps working.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class StudentLoginJourneyTests(PortalSystemFixture fixture)
{
    private readonly Clients clients = new(fixture);
    private readonly StudentJourneySteps steps = new(new Clients(fixture));

    [Fact]
    public async Task A_school_requests_student_logins_and_its_students_sign_in_to_their_own_dashboard_and_forms()
    {
        var (org, school, admin) = await clients.SchoolAsync("Hillcrest Trust", "Hillcrest Academy", "200001");
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);

        // The school asks, the operator approves: the setting follows the case, nobody touches it directly.
        var raised = await (await admin.Post($"/institution/institutions/{school}/cases", new { yearGroups = new[] { "Y10", "Y11" } }))
            .ShouldBe(HttpStatusCode.Created);
        var approved = await (await operatorForOrg.PostAsync($"/institution/cases/{raised.Id()}/approve", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        await (await admin.Put($"/institution/institutions/{school}/settings/student-portal", new { visiblePages = new[] { "timetable", "forms" } }))
            .ShouldBe(HttpStatusCode.NoContent);

        await new MisRollPublisher(fixture.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));
        await WaitForRollAsync(admin, school);
        var roll = await RollAsync(admin, school);
        var eligible = roll.Where(s => s.GetProperty("yearGroup").GetString() is "Y10" or "Y11" && EmailOf(s) is not null).ToList();
        Assert.InRange(eligible.Count, 1, roll.Length - 1);
        foreach (var student in eligible)
            await Waiting.Until(async () => await LoginAsync(admin, student) is { } login && login.GetProperty("enabled").GetBoolean()
                && login.GetProperty("username").GetString() == EmailOf(student)!.ToLowerInvariant(), $"a login for {EmailOf(student)}");
        foreach (var student in roll.Except(eligible))
            Assert.Null(await LoginAsync(admin, student));

        // One card per eligible student, each with that student's username.
        var cards = Cards(await PdfPages.ReadAsync(await admin.Post("/identity/start-cards", new { schoolId = school, yearGroups = new[] { "Y10", "Y11" } })));
        Assert.Equal(eligible.Select(s => EmailOf(s)!.ToLowerInvariant()).Order(), cards.Select(c => c.Username).Order());

        var amara = Named(roll, "Amara");   // Year 10
        var george = Named(roll, "George"); // Year 11
        var benId = Named(roll, "Ben").Id(); // Year 10, Amara's classmate
        foreach (var student in new[] { amara, george })
            await steps.SetPasswordWithCardAsync(cards.Single(c => c.Username == EmailOf(student)!.ToLowerInvariant()));
        var (amaraApp, amaraTokens) = await steps.SignInAsync(EmailOf(amara)!);
        var (georgeApp, georgeTokens) = await steps.SignInAsync(EmailOf(george)!);
        var token = new JsonWebToken(amaraTokens.AccessToken);
        Assert.Equal(("student", amara.Id().ToString(), org.ToString()), (token.GetClaim("kind").Value, token.Subject, token.GetClaim("org").Value));
        Assert.NotNull(georgeTokens.RefreshToken);
        var asAmara = clients.Bearer(amaraTokens.AccessToken);

        // Staff create a form with a Guardian Details question and assign it to Year 10: they are warned.
        var trip = await CreateFormAsync(admin, school, "Trip to the lakes",
            new { id = "name", type = "ShortText", prompt = "Name on the ticket", required = true },
            new { id = "contact", type = "GuardianDetails", prompt = "Emergency contact", required = true });
        var assigned = await (await admin.Post($"/roster/forms/{trip}/assignments", new { yearGroup = "Y10" })).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(amara.Id(), assigned.GetProperty("studentIds").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Contains("students cannot answer it", Assert.Single(assigned.GetProperty("warnings").EnumerateArray()).GetString());
        var bensOwn = await CreateFormAsync(admin, school, "Ben's catch-up plan", new { id = "goal", type = "LongText", prompt = "Your goal" });
        await (await admin.Post($"/roster/forms/{bensOwn}/assignments", new { studentId = benId })).ShouldBe(HttpStatusCode.OK);

        // The dashboard: only the visible pages, only Amara's own profile and forms.
        await Waiting.Until(async () => VisiblePages(await DashboardAsync(asAmara)).SetEquals(["timetable", "forms"]),
            "Roster to learn which pages the school made visible");
        var dashboard = await DashboardAsync(asAmara);
        Assert.Equal(amara.Id(), dashboard.GetProperty("student").GetProperty("id").GetGuid());
        Assert.True(dashboard.TryGetProperty("timetable", out _));
        Assert.False(dashboard.TryGetProperty("homework", out _));
        Assert.False(dashboard.TryGetProperty("products", out _));
        Assert.Equal([trip], dashboard.GetProperty("forms").EnumerateArray().Select(f => f.Id()));
        await (await asAmara.GetAsync($"/roster/students/{amara.Id()}/dashboard")).ShouldBe(HttpStatusCode.OK);
        await (await asAmara.GetAsync($"/roster/students/{benId}/dashboard")).ShouldBeProblem(HttpStatusCode.NotFound, $"Student {benId}");
        await (await asAmara.GetAsync($"/roster/me/forms/{bensOwn}")).ShouldBe(HttpStatusCode.NotFound);

        // Amara's view of the form marks the guardian's question; answering it is refused, the rest is accepted.
        var view = await (await asAmara.GetAsync($"/roster/me/forms/{trip}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([("name", false), ("contact", true)],
            view.GetProperty("questions").EnumerateArray().Select(q => (q.GetProperty("id").GetString()!, q.GetProperty("forGuardian").GetBoolean())));
        var refused = await asAmara.Post($"/roster/me/forms/{trip}/responses", new { answers = new { name = "Amara Okoye", contact = "Mum, 07700 900123" } });
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("is for a parent or guardian to answer", (await refused.ShouldBe(HttpStatusCode.BadRequest)).ToString());
        var answered = await (await asAmara.Post($"/roster/me/forms/{trip}/responses", new { answers = new { name = "Amara Okoye" } }))
            .ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Submitted", answered.GetProperty("status").GetString());

        // Year 11 is taken away: George's refresh token stops working, Amara's keeps working.
        await (await operatorForOrg.Put($"/institution/institutions/{school}/settings/student-logins", new { enabled = true, yearGroups = new[] { "Y10" } }))
            .ShouldBe(HttpStatusCode.NoContent);
        await Waiting.Until(async () => !await LoginEnabledAsync(admin, george), "George's login to be disabled");
        // Refused either way: the revoked token itself, or (if the revocation has not landed yet) the inactive account.
        var ended = await Assert.ThrowsAsync<SignInFailed>(() => georgeApp.RefreshAsync(georgeTokens.RefreshToken!));
        Assert.Contains("invalid_grant", ended.Message);
        Assert.True(await LoginEnabledAsync(admin, amara));
        var refreshed = await amaraApp.RefreshAsync(amaraTokens.RefreshToken!);
        await (await clients.Bearer(refreshed.AccessToken).GetAsync("/roster/me/dashboard")).ShouldBe(HttpStatusCode.OK);
    }

    private static JsonElement Named(IEnumerable<JsonElement> roll, string givenName) =>
        roll.Single(s => s.GetProperty("givenName").GetString() == givenName);

    private static async Task<Guid> CreateFormAsync(HttpClient staff, Guid school, string title, params object[] questions) =>
        (await (await staff.Post($"/roster/institutions/{school}/forms", new { title, questions })).ShouldBe(HttpStatusCode.Created)).Id();

    private static async Task<JsonElement> DashboardAsync(HttpClient student) =>
        await (await student.GetAsync("/roster/me/dashboard")).ShouldBe(HttpStatusCode.OK);

    private static HashSet<string> VisiblePages(JsonElement dashboard) =>
        dashboard.GetProperty("visiblePages").EnumerateArray().Select(p => p.GetString()!).ToHashSet();
}
