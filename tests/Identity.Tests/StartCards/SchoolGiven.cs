using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marten;
using MassTransit;
using Portal.AppHost.Clients;
using Portal.Identity.Institutions;
using Portal.Identity.Students.Classes;
using Portal.Identity.Students.StartCards.Setup;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;
using Portal.Testing;
using StudentLoginEnabled = Portal.Identity.Contracts.StudentLoginEnabled;
using StudentLoginDisabled = Portal.Identity.Contracts.StudentLoginDisabled;

namespace Portal.Identity.Tests.StartCards;

public sealed record Pupil(Guid Id, string Name, string FamilyName, string YearGroup, string Username);

/// <summary>A card read back from the PDF: the username and setup code printed on it.</summary>
public sealed record PrintedCard(string Username, string Code);

/// <summary>
/// A fresh organisation with one school that has student logins on for Y10 and Y11, set up through Institution's and
/// Roster's messages as in production, and the staff and student steps the tests take against it.
/// </summary>
public sealed partial class SchoolGiven(StartCardsApi api)
{
    public const string Password = "Student-first-password-1";

    public Guid Org { get; } = Guid.NewGuid();
    public Guid School { get; } = Guid.NewGuid();
    public string SchoolName { get; } = "Riverside Academy " + Guid.NewGuid().ToString("N")[..6];
    readonly DateTimeOffset at = DateTimeOffset.UtcNow;
    long classVersion;

    public async Task OpenAsync()
    {
        await api.Messages.PublishAsync(new InstitutionRegistered(Org, School, SchoolName, "RA" + School.ToString("N")[..4], "secondary", [], at));
        await api.Messages.PublishAsync(new StudentLoginsConfigured(Org, School, true, ["Y10", "Y11"], 1, at));
        await Eventually(async session => await session.Query<KnownSchool>().AnyAsync(s => s.SchoolId == School));
    }

    /// <summary>A student the MIS synced; with an email in Y10 or Y11 they get a login, which this waits for.</summary>
    public async Task<Pupil> StudentAsync(string yearGroup = "Y10", bool email = true, string? family = null)
    {
        var id = Guid.NewGuid();
        family ??= "Pupil" + id.ToString("N")[..5];
        var username = $"s.{id:N}@school.test";
        await api.Messages.PublishAsync(Changed(id, yearGroup, email ? username : null, family, version: 1, left: false));
        if (email && yearGroup is "Y10" or "Y11")
            await api.Messages.WaitFor<StudentLoginEnabled>(m => m.StudentId == id);
        return new Pupil(id, $"Sam {family}", family, yearGroup, username);
    }

    public async Task LeaveAsync(Pupil pupil)
    {
        await api.Messages.PublishAsync(Changed(pupil.Id, pupil.YearGroup, pupil.Username, pupil.FamilyName, version: 2, left: true));
        await api.Messages.WaitFor<StudentLoginDisabled>(m => m.StudentId == pupil.Id);
    }

    public async Task<Guid> ClassAsync(Guid[] teachers, params Pupil[] students)
    {
        var id = Guid.NewGuid();
        var version = ++classVersion;
        await api.Messages.PublishAsync(new ClassChanged(Org, id, School, "10X/Ma", true, teachers, [.. students.Select(s => s.Id)], version, at));
        await Eventually(async session => await session.LoadAsync<KnownClass>(id) is not null);
        return id;
    }

    /// <summary>Roster's description of an existing class at a version, as a message with a known id; waits until Identity has handled it.</summary>
    public async Task<KnownClass?> ClassChangedAsync(Guid classId, long version, Guid[] teachers, params Pupil[] students)
    {
        var messageId = Guid.NewGuid();
        var message = new ClassChanged(Org, classId, School, "10X/Ma", true, teachers, students.Select(s => s.Id).ToList(), version, at);
        await api.Messages.Bus.Publish(message, context => context.MessageId = messageId);
        await Eventually(async _ =>
        {
            await using var shared = api.Store.QuerySession();
            return await shared.LoadAsync<HandledMessage>(messageId.ToString()) is not null;
        });
        await using var session = api.Store.QuerySession(Org.ToString());
        return await session.LoadAsync<KnownClass>(classId);
    }

    RosterStudentChanged Changed(Guid id, string yearGroup, string? email, string family, long version, bool left) =>
        new(Org, id, School, "MIS-" + id.ToString("N")[..6], "Sam", family, yearGroup, email, left, Deleted: false, version, at.AddSeconds(version));

    public static Task<HttpResponseMessage> PrintOneAsync(HttpClient staff, Pupil pupil) =>
        staff.PostAsync($"/students/{pupil.Id}/start-card.pdf", null);

    public static Task<HttpResponseMessage> PrintAsync(HttpClient staff, object request) => staff.PostAsJsonAsync("/start-cards", request);

    /// <summary>The cards of a PDF, in order: the username and the code as printed.</summary>
    public static IReadOnlyList<PrintedCard> Cards(PdfPages pdf) =>
        [.. pdf.Pages.SelectMany(p => Card().Matches(p.CompactText).Select(m => new PrintedCard(m.Groups[1].Value, m.Groups[2].Value)))];

    public static async Task<PrintedCard> PrintedOneAsync(HttpClient staff, Pupil pupil) =>
        Assert.Single(Cards(await PdfPages.ReadAsync(await PrintOneAsync(staff, pupil))));

    /// <summary>The student's steps on the set-up page: open it (from the login page's link), fill it in, send it.</summary>
    public async Task<HttpResponseMessage> SetUpAsync(string username, string code, string password = Password, string? returnUrl = null, string? confirm = null)
    {
        var browser = api.Browser();
        var page = await browser.GetAsync("/account/start" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var form = HtmlForm.Read(await page.Content.ReadAsStringAsync());
        return await browser.PostAsync(form.Action ?? "/account/start", form.With(new()
        {
            ["username"] = username, ["code"] = code, ["password"] = password, ["confirmPassword"] = confirm ?? password,
        }));
    }

    /// <summary>The set-up page's one refusal, whatever was wrong with the username or code.</summary>
    public static async Task ShouldBeRefused(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400 but got {(int)response.StatusCode}: {html}");
        Assert.Contains(WebUtility.HtmlEncode(SetupCodePage.Refusal), html);
    }

    async Task Eventually(Func<IQuerySession, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var session = api.Store.QuerySession(Org.ToString()))
                if (await condition(session))
                    return;
            Assert.True(DateTime.UtcNow < deadline, "Identity did not apply the message within 20 s.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("Username(.+?)Setupcode([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex Card();
}
