using Marten;
using MassTransit;
using Portal.AppHost.Clients;
using Portal.Identity.Accounts;
using Portal.Identity.Contracts;
using Portal.Identity.Oidc.Persistence.Stores;
using Portal.Identity.Students;
using Portal.Identity.Tests.SignIn;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Security;
using Portal.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;
using StudentLoginDisabled = Portal.Identity.Contracts.StudentLoginDisabled;
using StudentLoginEnabled = Portal.Identity.Contracts.StudentLoginEnabled;

namespace Portal.Identity.Tests.StudentLogins;

/// <summary>
/// Institution's settings and Roster's students arrive over RabbitMQ; Identity publishes StudentLoginEnabled and
/// StudentLoginDisabled exactly for the students whose eligibility changed, and a disabled student's sessions end.
/// </summary>
[Collection(StudentLoginsApiCollection.Name)]
public sealed class StudentLoginMessagesTests(StudentLoginsApi api) : IAsyncLifetime
{
    const string Password = "Student-test-password-1";

    private MessageListener listener = null!;
    readonly Guid org = Guid.NewGuid();
    readonly Guid school = Guid.NewGuid();
    readonly DateTimeOffset at = DateTimeOffset.UtcNow;

    public async Task InitializeAsync() => listener = await MessageListener.StartAsync(
        api.RabbitMq, $"identity-tests-students-{Guid.NewGuid():N}", typeof(StudentLoginEnabled), typeof(StudentLoginDisabled));

    public async Task DisposeAsync() => await listener.DisposeAsync();

    Task Setting(long version, bool enabled, params string[] yearGroups) =>
        listener.PublishAsync(new StudentLoginsConfigured(org, school, enabled, yearGroups, version, at.AddMinutes(version)));

    Task Student(Guid id, string yearGroup, string? email, long version = 1, bool left = false) =>
        listener.PublishAsync(new RosterStudentChanged(
            org, id, school, "MIS-" + id.ToString()[..6], "Sam", "Pupil", yearGroup, email, left, Deleted: false, version, at.AddMinutes(version)));

    static string Email() => $"pupil.{Guid.NewGuid():N}@school.test";

    /// <summary>
    /// Roster's messages about one school are applied in order: once a student sent last has a login, every earlier
    /// one has been decided, and the publisher sends in commit order.
    /// </summary>
    async Task Settled(string yearGroup)
    {
        var sentinel = Guid.NewGuid();
        await Student(sentinel, yearGroup, Email());
        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == sentinel);
        await Task.Delay(500);
    }

    Guid[] EnabledHere() => [.. listener.All<StudentLoginEnabled>().Where(m => m.OrganisationId == org).Select(m => m.StudentId).Order()];

    [Fact]
    public async Task Changes_arriving_together_each_keep_their_transition_and_time_and_a_redelivered_change_is_applied_once()
    {
        await Setting(1, true, "Y10");
        await Settled("Y10");
        var (joinsAndLeaves, twice) = (Guid.NewGuid(), Guid.NewGuid());
        var redelivered = Guid.NewGuid();
        RosterStudentChanged Change(Guid id, long version, bool left) => new(
            org, id, school, "MIS-" + id.ToString()[..6], "Sam", "Pupil", "Y10", $"{id:N}@school.test", left, Deleted: false, version, at.AddMinutes(version));

        // Sent back to back, so usually one batch at Identity: each change is still decided on its own, with its own time.
        await listener.PublishAsync(Change(joinsAndLeaves, 1, left: false));
        await listener.PublishAsync(Change(joinsAndLeaves, 2, left: true));
        foreach (var _ in Enumerable.Range(0, 2))
            await listener.Bus.Publish(Change(twice, 1, left: false), context => context.MessageId = redelivered);

        var disabled = await listener.WaitFor<StudentLoginDisabled>(m => m.StudentId == joinsAndLeaves);
        var enabled = listener.All<StudentLoginEnabled>().Single(m => m.StudentId == joinsAndLeaves);
        Assert.True(enabled.At < disabled.At, $"Enabled at {enabled.At}, disabled at {disabled.At}");
        Assert.Equal(at.AddMinutes(1), enabled.At);
        Assert.Equal(at.AddMinutes(2), disabled.At);

        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == twice);
        await Settled("Y10");
        Assert.Single(listener.All<StudentLoginEnabled>(), m => m.StudentId == twice);
        await using var session = api.Store.QuerySession(org.ToString());
        var events = await session.Events.FetchStreamAsync(twice);
        Assert.Single(events);
    }

    [Fact]
    public async Task Exactly_the_eligible_students_get_logins_and_removing_a_year_group_disables_its_students()
    {
        var (year10, year11, year12, noEmail, left) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var year11Email = "Eleven." + Email();
        await Student(year10, "Y10", Email());
        await Student(year11, "Y11", year11Email);
        await Student(year12, "Y12", Email());
        await Student(noEmail, "Y10", null);
        await Student(left, "Y11", Email(), left: true);
        await Setting(1, true, "Y10", "Y11");

        var enabled = await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == year11);
        Assert.Equal((org, school, year11Email.ToLowerInvariant(), 1L), (enabled.OrganisationId, enabled.SchoolId, enabled.Username, enabled.Version));
        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == year10);
        await Settled("Y10");
        Assert.Equal(3, EnabledHere().Length);
        Assert.DoesNotContain(EnabledHere(), id => id == year12 || id == noEmail || id == left);

        await Setting(2, true, "Y10");

        var disabled = await listener.WaitFor<StudentLoginDisabled>(m => m.StudentId == year11);
        Assert.Equal((org, school, StudentLoginReasons.YearGroupNotEnabled, 2L), (disabled.OrganisationId, disabled.SchoolId, disabled.Reason, disabled.Version));
        await Settled("Y10");
        Assert.Equal([year11], listener.All<StudentLoginDisabled>().Where(m => m.OrganisationId == org).Select(m => m.StudentId));
    }

    [Fact]
    public async Task A_late_older_setting_and_a_redelivered_message_change_nothing()
    {
        var student = Guid.NewGuid();
        await Setting(2, true, "Y10");
        await Student(student, "Y10", Email());
        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == student);

        await Setting(1, false, "Y10");
        var redelivered = new RosterStudentChanged(org, student, school, null, "Sam", "Pupil", "Y10", null, false, false, 2, at);
        var messageId = Guid.NewGuid();
        await listener.Bus.Publish(redelivered, c => c.MessageId = messageId);
        await listener.WaitFor<StudentLoginDisabled>(m => m.StudentId == student);
        await listener.Bus.Publish(redelivered with { Email = Email() }, c => c.MessageId = messageId);
        await Settled("Y10");

        Assert.Single(listener.All<StudentLoginDisabled>(), m => m.StudentId == student);
        Assert.Single(listener.All<StudentLoginEnabled>(), m => m.StudentId == student);
    }

    [Fact]
    public async Task A_student_signs_in_as_a_student_of_their_school_and_loses_their_refresh_token_when_disabled()
    {
        var student = Guid.NewGuid();
        var email = Email();
        await Setting(1, true, "Y11");
        await Student(student, "Y11", email);
        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == student);

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SignInAsync(email, ""));
        Assert.Contains("400", refused.Message);

        await api.SetStudentPasswordAsync(student, org, Password);
        var client = api.WebClient();
        var tokens = await client.SignInAsync(email.ToUpperInvariant(), Password);
        Assert.Equal((student.ToString(), "student", org.ToString()),
            (Tokens.Claim(tokens.AccessToken, "sub"), Tokens.Claim(tokens.AccessToken, "kind"), Tokens.Claim(tokens.AccessToken, "org")));
        Assert.Equal([school.ToString()], Tokens.Claims(tokens.AccessToken, "institution"));
        tokens = await client.RefreshAsync(tokens.RefreshToken!);

        await Setting(2, true, "Y10");
        await listener.WaitFor<StudentLoginDisabled>(m => m.StudentId == student);

        await Eventually(async () =>
        {
            await using var session = api.Store.QuerySession();
            var held = await session.Query<OidcToken>().Where(t => t.Subject == student.ToString()).ToListAsync();
            return held.Count > 0 && held.All(t => t.Status is Statuses.Revoked or Statuses.Redeemed);
        });
        await Assert.ThrowsAsync<SignInFailed>(() => client.RefreshAsync(tokens.RefreshToken!));
        await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SignInAsync(email, Password));
    }

    [Fact]
    public async Task An_email_already_signing_in_another_account_is_withheld_and_later_students_still_get_logins()
    {
        var student = Guid.NewGuid();
        var email = Email();
        await using (var session = api.Store.LightweightSession())
        {
            session.Insert(new SignInName(email, Guid.NewGuid(), AccountKind.Guardian, null));
            await session.SaveChangesAsync();
        }
        await Setting(1, true, "Y10");
        await Student(student, "Y10", email.ToUpperInvariant());
        await Settled("Y10");

        Assert.DoesNotContain(EnabledHere(), id => id == student);
        await using var tenant = api.Store.QuerySession(org.ToString());
        var events = await tenant.Events.FetchStreamAsync(student);
        var withheld = Assert.IsType<StudentLoginWithheld>(Assert.Single(events).Data);
        Assert.Equal((email, StudentLoginReasons.UsernameTaken), (withheld.Username, withheld.Reason));
    }

    [Fact]
    public async Task A_new_email_or_a_move_to_another_enabled_school_is_sent_again_as_enabled_with_the_new_username_and_school()
    {
        var student = Guid.NewGuid();
        var otherSchool = Guid.NewGuid();
        var (first, second) = (Email(), Email());
        await Setting(1, true, "Y10");
        await listener.PublishAsync(new StudentLoginsConfigured(org, otherSchool, true, ["Y10"], 1, at));
        await Student(student, "Y10", first);
        await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == student && m.Version == 1);

        await Student(student, "Y10", second, version: 2);
        var renamed = await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == student && m.Username == second);
        Assert.Equal((school, 2L), (renamed.SchoolId, renamed.Version));

        await listener.PublishAsync(new RosterStudentChanged(
            org, student, otherSchool, "MIS-moved", "Sam", "Pupil", "Y10", second, false, Deleted: false, 3, at.AddMinutes(3)));
        var moved = await listener.WaitFor<StudentLoginEnabled>(m => m.StudentId == student && m.SchoolId == otherSchool);
        Assert.Equal((second, 3L), (moved.Username, moved.Version));
        Assert.DoesNotContain(listener.All<StudentLoginDisabled>(), m => m.StudentId == student);
    }

    static async Task Eventually(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {seconds} s.");
            await Task.Delay(200);
        }
    }
}
