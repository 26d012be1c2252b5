using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.DemoData;
using Portal.MisSync;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Billing from outside, MIS sync to finance's downloads: the MIS roll gives Years 10 and 11 logins, the term's draft
/// invoice bills each of them 50p plus 20% VAT, finance pulls it as JSON and as a spreadsheet-safe CSV, the
/// organisation's administrator sees their own (another organisation's sees nothing), and students whose logins are
/// disabled mid-term stay billed for the term.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class BillingJourneyTests(PortalSystemFixture fixture)
{
    // Starts with '=' so the CSV must escape it: a spreadsheet would otherwise run the school's name as a formula.
    private const string SchoolName = "=Sum Academy";
    private const string SchoolCode = "190777";
    private const long UnitPence = 50;
    private readonly Clients clients = new(fixture);

    private sealed record CurrentTerm(string Id, DateOnly Start, DateOnly End);

    [Fact]
    public async Task Students_given_logins_by_the_MIS_roll_are_billed_for_the_term_and_finance_downloads_the_invoice()
    {
        var (org, school, admin) = await clients.SchoolAsync("Summit Learning Trust", SchoolName, SchoolCode);
        var term = await TermCoveringTodayAsync(admin, org);
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);
        await SetStudentLogins(operatorForOrg, school, "Y10", "Y11");
        var yearGroups = await LoginsFromTheMisRollAsync(org, school, admin);
        var quantity = yearGroups.Count;
        await Waiting.Until(async () => (await CountedAsync(admin, org, term, school)).Keys.ToHashSet().SetEquals(yearGroups.Keys),
            "Billing to count every student given a login");

        var finance = await FinanceClient.RegisterAsync(clients, fixture);
        var invoice = await DraftInvoiceAsync(finance, org, term);
        AssertBillsTheSchool(invoice, school, term, quantity);
        await AssertCsvRowAsync(finance, org, term, quantity);

        AssertBillsTheSchool(Assert.Single(await OrganisationInvoicesAsync(admin, org)), school, term, quantity);
        await AssertHiddenFromAnotherOrganisationAsync(org, term, invoice.GetProperty("id").GetGuid());

        // Year 11 loses its logins mid-term: they were enabled inside the term, so the term still bills them.
        await SetStudentLogins(operatorForOrg, school, "Y10");
        await Waiting.Until(async () => await CountedAsync(admin, org, term, school) is var counted && counted.Count == quantity
                && counted.All(s => yearGroups[s.Key] == "Y11" ? s.Value.All(Ended) : !s.Value.Any(Ended)),
            "Billing to end the Year 11 students' enabled intervals");
        Assert.Equal(yearGroups.Keys.Order(), (await CountedAsync(admin, org, term, school)).Keys.Order());
        AssertBillsTheSchool(await DraftInvoiceAsync(finance, org, term), school, term, quantity);
    }

    /// <summary>The organisation's administrator adds a term that started a month ago and ends in two months.</summary>
    private static async Task<CurrentTerm> TermCoveringTodayAsync(HttpClient admin, Guid org)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var term = new CurrentTerm($"{today.AddDays(-30).Year}-current", today.AddDays(-30), today.AddDays(60));
        var response = await admin.PutAsJsonAsync($"/institution/organisations/{org}/terms/{term.Id}",
            new { name = "Current term", start = term.Start, end = term.End });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return term;
    }

    /// <summary>
    /// The school's MIS publishes its roll; answers the year group of each student who got a login (Years 10 and 11,
    /// with an email), by roster id, once Identity shows every one of those logins.
    /// </summary>
    private async Task<Dictionary<Guid, string>> LoginsFromTheMisRollAsync(Guid org, Guid school, HttpClient admin)
    {
        var students = $"/roster/institutions/{school}/students";
        await new MisRollPublisher(fixture.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));
        await Waiting.Until(async () => (await admin.GetFromJsonAsync<JsonElement>(students)).GetArrayLength() == RosterDemoData.Students,
            "the roll to arrive");
        var roll = (await admin.GetFromJsonAsync<JsonElement>(students)).EnumerateArray().ToList();
        var eligible = roll.Where(s => s.GetProperty("yearGroup").GetString() is "Y10" or "Y11"
                                       && s.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String)
            .ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("yearGroup").GetString()!);
        Assert.Contains("Y10", eligible.Values);
        Assert.Contains("Y11", eligible.Values);
        Assert.True(eligible.Count < roll.Count, "Some students of the roll get no login (other years, no email).");

        foreach (var student in eligible.Keys)
            await Waiting.Until(async () => await admin.GetAsync($"/identity/students/{student}/login") is { StatusCode: HttpStatusCode.OK } r
                                            && (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean(),
                "a login for each Year 10 and 11 student with an email");
        return eligible;
    }

    /// <summary>
    /// Who the explain endpoint says was counted at the school in the term, with their enabled intervals; nobody while
    /// Billing has not yet learnt the term calendar (404).
    /// </summary>
    private static async Task<Dictionary<Guid, List<JsonElement>>> CountedAsync(HttpClient staff, Guid org, CurrentTerm term, Guid school)
    {
        var response = await staff.GetAsync($"/billing/organisations/{org}/terms/{term.Id}/students?school={school}");
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var explained = await response.Content.ReadFromJsonAsync<JsonElement>();
        var students = explained.GetProperty("students").EnumerateArray().ToList();
        Assert.Equal(students.Count, explained.GetProperty("count").GetInt32());
        Assert.All(students, s => Assert.Equal(school, s.GetProperty("schoolId").GetGuid()));
        return students.ToDictionary(s => s.GetProperty("studentId").GetGuid(), s => s.GetProperty("intervals").EnumerateArray().ToList());
    }

    private static DateOnly Day(JsonElement date) => DateOnly.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static bool Ended(JsonElement interval) =>
        interval.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String;

    /// <summary>The organisation's invoice in finance's listing, once it names the school (Billing learns it from Institution).</summary>
    private static async Task<JsonElement> DraftInvoiceAsync(FinanceClient finance, Guid org, CurrentTerm term)
    {
        JsonElement? ours = null;
        await Waiting.Until(async () =>
        {
            ours = (await finance.InvoicesAsync(term.Id)).SingleOrDefault(i => i.GetProperty("organisationId").GetGuid() == org);
            return ours is { } invoice
                   && invoice.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("schoolName").GetString() == SchoolName);
        }, "finance to see the organisation's draft invoice");
        return ours!.Value;
    }

    private static void AssertBillsTheSchool(JsonElement invoice, Guid school, CurrentTerm term, long quantity)
    {
        var net = UnitPence * quantity;
        var vat = (long)Math.Round(net * 0.20m, MidpointRounding.AwayFromZero);
        Assert.Equal(("Draft", term.Id, term.Start, term.End), (invoice.GetProperty("status").GetString(), invoice.GetProperty("termId").GetString(),
            Day(invoice.GetProperty("supplyStart")), Day(invoice.GetProperty("supplyEnd"))));
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Charge", school, SchoolName, SchoolCode, quantity, UnitPence, net),
            (line.GetProperty("kind").GetString(), line.GetProperty("schoolId").GetGuid(), line.GetProperty("schoolName").GetString(),
                line.GetProperty("schoolCode").GetString(), line.GetProperty("quantity").GetInt64(), line.GetProperty("unitPence").GetInt64(),
                line.GetProperty("netPence").GetInt64()));
        Assert.Equal((net, 20m, vat, net + vat), (invoice.GetProperty("netPence").GetInt64(), invoice.GetProperty("vatRatePercent").GetDecimal(),
            invoice.GetProperty("vatPence").GetInt64(), invoice.GetProperty("grossPence").GetInt64()));
    }

    /// <summary>The CSV download has the organisation's line with the same figures, and no cell a spreadsheet would run.</summary>
    private static async Task AssertCsvRowAsync(FinanceClient finance, Guid org, CurrentTerm term, long quantity)
    {
        var csv = await finance.InvoicesCsvAsync(term.Id);
        Assert.Equal(["Invoice number", "Organisation ID", "Term", "Status", "School name", "School code"], csv.Header.Take(6));
        var row = Assert.Single(csv.Rows, r => r["Organisation ID"] == org.ToString());
        var net = UnitPence * quantity;
        Assert.Equal([term.Id, "draft", "'" + SchoolName, SchoolCode, "charge", $"{quantity}", $"{UnitPence}", $"{net}", $"{net}"],
            new[] { "Term", "Status", "School name", "School code", "Line kind", "Quantity", "Unit pence", "Net pence", "Invoice net pence" }
                .Select(column => row[column]));
        Assert.All(csv.Rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]),
            $"The CSV cell '{cell}' would run as a formula."));
    }

    /// <summary>The organisation's own invoices as its administrators list them (issued, and drafts of terms under way).</summary>
    private static async Task<List<JsonElement>> OrganisationInvoicesAsync(HttpClient staff, Guid org) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/billing/organisations/{org}/invoices")).EnumerateArray().ToList();

    /// <summary>Another organisation's administrator finds neither the invoice nor who was counted on it.</summary>
    private async Task AssertHiddenFromAnotherOrganisationAsync(Guid org, CurrentTerm term, Guid invoice)
    {
        var platform = clients.Bearer(await clients.OperatorTokenAsync());
        var created = await platform.PostAsJsonAsync("/institution/organisations", new { name = "Riverside Trust", kind = "MultiAcademyTrust" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var other = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, email) = await clients.DistrictAdministratorAsync(other);
        var stranger = clients.Bearer(await clients.SignInAsync(email));

        foreach (var path in new[]
                 {
                     $"/billing/organisations/{org}/invoices", $"/billing/organisations/{org}/invoices?term={term.Id}",
                     $"/billing/invoices/{invoice}", $"/billing/organisations/{org}/terms/{term.Id}/students",
                 })
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await stranger.GetAsync(path)).StatusCode));
        Assert.DoesNotContain(invoice, (await OrganisationInvoicesAsync(stranger, other)).Select(i => i.GetProperty("id").GetGuid()));
    }

    private static async Task SetStudentLogins(HttpClient operatorForOrg, Guid school, params string[] yearGroups)
    {
        var response = await operatorForOrg.PutAsJsonAsync($"/institution/institutions/{school}/settings/student-logins",
            new { enabled = true, yearGroups });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
