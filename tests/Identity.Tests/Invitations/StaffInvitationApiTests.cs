using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Invitations;
using Portal.Identity.Tests.Mail;
using Portal.Testing;

namespace Portal.Identity.Tests.Invitations;

[Collection(MailingIdentityApiCollection.Name)]
public sealed class StaffInvitationApiTests(MailingIdentityApi api)
{
    const string SetupLink = MailingIdentityApi.PublicUrl + StaffInvitations.SetupPath + "?token=";
    // The invitation is sent by the async daemon after the registration has answered.
    static readonly TimeSpan DaemonTimeout = TimeSpan.FromSeconds(60);

    async Task<(Guid Id, string Email)> RegisterTeacher(Guid org, Guid school)
    {
        var email = $"teacher.{Guid.NewGuid():N}@northfield.sch.uk";
        var created = await (await api.District(org).Post("/staff", new
        {
            email, givenName = "Alex", familyName = "Morgan", staffType = "Teacher", institutions = new[] { school },
        })).ShouldBe(HttpStatusCode.Created);
        return (created.Id(), email);
    }

    async Task<string> InvitationLink(string email, int nth = 1) => MailingIdentityApi.Local(Mailbox.LinkIn(
        await api.Mailbox.WaitForAsync(email, StaffInvitations.Subject, nth, DaemonTimeout), SetupLink));

    static Task<HttpResponseMessage> SetPassword(HttpClient browser, string link, string password, string? confirm = null) =>
        HtmlForms.SubmitAsync(browser, link, new Dictionary<string, string> { ["password"] = password, ["confirmPassword"] = confirm ?? password });

    async Task<bool> PasswordVerifies(Guid account, Guid org, string password)
    {
        await using var session = api.Services.GetRequiredService<AccountDirectory>().QuerySessionFor(org);
        var credentials = await session.LoadAsync<CredentialsState>(CredentialsState.StreamId(account));
        return credentials?.PasswordHash is { } hash && api.Services.GetRequiredService<PasswordHasher>().Verify(password, hash);
    }

    [Fact]
    public async Task A_registered_member_of_staff_is_invited_and_sets_their_password_once()
    {
        var (org, school) = (Guid.NewGuid(), Guid.NewGuid());
        var (id, email) = await RegisterTeacher(org, school);
        var link = await InvitationLink(email);
        var browser = api.Browser();

        var common = await SetPassword(browser, link, "password1234");
        var mismatch = await SetPassword(browser, link, "a long enough passphrase", "a different passphrase");
        var set = await SetPassword(browser, link, "a long enough passphrase");

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains("too common", await common.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("do not match", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync());
        Assert.True(await PasswordVerifies(id, org, "a long enough passphrase"));

        var again = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync());
        Assert.Single(api.Mailbox.To(email));
    }

    [Fact]
    public async Task A_re_issued_invitation_invalidates_the_earlier_link()
    {
        var (org, school) = (Guid.NewGuid(), Guid.NewGuid());
        var (id, email) = await RegisterTeacher(org, school);
        var first = await InvitationLink(email);

        var reissued = await (await api.District(org).PostAsync($"/staff/{id}/invitation", null)).ShouldBe(HttpStatusCode.Accepted);

        Assert.True(reissued.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        var second = await InvitationLink(email, nth: 2);
        var refused = await api.Browser().GetAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("replaced by a newer invitation", await refused.Content.ReadAsStringAsync());
        (await SetPassword(api.Browser(), second, "the second link works fine")).EnsureSuccessStatusCode();
        Assert.True(await PasswordVerifies(id, org, "the second link works fine"));
    }

    [Fact]
    public async Task Only_those_who_may_edit_the_account_re_issue_its_invitation()
    {
        var (org, school) = (Guid.NewGuid(), Guid.NewGuid());
        var (id, email) = await RegisterTeacher(org, school);
        await InvitationLink(email);

        var colleague = await api.Teacher(org, school).PostAsync($"/staff/{id}/invitation", null);
        var otherOrganisation = await api.District(Guid.NewGuid()).PostAsync($"/staff/{id}/invitation", null);

        await colleague.ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await otherOrganisation.ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        Assert.Single(api.Mailbox.To(email));
    }

    [Fact]
    public async Task An_unknown_set_up_link_is_refused_with_a_clear_page()
    {
        var response = await api.Browser().GetAsync($"{StaffInvitations.SetupPath}?token=made-up");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
    }
}
