using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Guardians;
using Portal.Identity.Mail;
using Portal.Identity.Tests.Mail;
using Portal.ServiceDefaults.Security;
using Portal.Testing;

namespace Portal.Identity.Tests.Guardians;

[Collection(MailingIdentityApiCollection.Name)]
public sealed class GuardianRegistrationApiTests(MailingIdentityApi api)
{
    const string Password = "correct horse battery staple";
    const string VerifyLink = MailingIdentityApi.PublicUrl + GuardianMail.VerifyPath + "?token=";

    static string NewEmail() => $"parent.{Guid.NewGuid():N}@example.org";

    Task<HttpResponseMessage> RegisterByForm(HttpClient browser, string email, string password = Password) =>
        HtmlForms.SubmitAsync(browser, RegistrationEndpoints.Path, new Dictionary<string, string>
        {
            ["email"] = email, ["givenName"] = "Sam", ["familyName"] = "Parent", ["password"] = password,
        });

    Task<HttpResponseMessage> RegisterByJson(string email, string password = Password, string givenName = "Sam") =>
        api.Browser().Post(RegistrationEndpoints.Path, new { email, givenName, familyName = "Parent", password });

    async Task<string> VerificationLink(string email, int nth = 1) =>
        MailingIdentityApi.Local(Mailbox.LinkIn(await api.Mailbox.WaitForAsync(email, GuardianMail.VerificationSubject, nth), VerifyLink));

    Task<SignInAccount?> Account(string email) => api.Services.GetRequiredService<AccountDirectory>().FindByEmailAsync(email);

    /// <summary>Guardians' credentials live in the default tenant, like the guardians.</summary>
    async Task<bool> PasswordVerifies(Guid account, string password)
    {
        await using var session = api.Services.GetRequiredService<AccountDirectory>().QuerySessionFor(null);
        var credentials = await session.LoadAsync<CredentialsState>(CredentialsState.StreamId(account));
        return credentials?.PasswordHash is { } hash && api.Services.GetRequiredService<PasswordHasher>().Verify(password, hash);
    }

    [Fact]
    public async Task Registering_then_following_the_emailed_link_activates_the_account_with_the_chosen_password()
    {
        var email = NewEmail();
        var browser = api.Browser();

        var registered = await RegisterByForm(browser, email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your email", await registered.Content.ReadAsStringAsync());
        var link = await VerificationLink(email);
        Assert.Equal(new { Kind = AccountKind.Guardian, Organisation = (Guid?)null, Active = false },
            await Account(email) is { } pending ? new { pending.Kind, Organisation = pending.OrganisationId, pending.Active } : null);

        var verified = await browser.GetAsync(link);

        var page = await verified.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("Your email address is verified", page);
        Assert.Contains("href=\"/account/login\"", page);
        var account = await Account(email);
        Assert.True(account!.Active);
        Assert.Equal("Sam Parent", account.DisplayName);
        Assert.True(await PasswordVerifies(account.AccountId, Password));
    }

    [Fact]
    public async Task A_verification_link_works_once()
    {
        var email = NewEmail();
        (await RegisterByJson(email)).EnsureSuccessStatusCode();
        var link = await VerificationLink(email);
        (await api.Browser().GetAsync(link)).EnsureSuccessStatusCode();

        var again = await api.Browser().GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_or_unknown_link_is_refused_with_a_clear_page()
    {
        var email = NewEmail();
        (await RegisterByJson(email)).EnsureSuccessStatusCode();
        await VerificationLink(email);
        var guardian = (await Account(email))!.AccountId;
        // Given a link issued more than 24 hours ago (the newest link replaces the mailed one).
        var (token, hash) = OneTimeTokens.New();
        await using (var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var issued = DateTimeOffset.UtcNow.AddHours(-25);
            session.Events.Append(guardian, new GuardianVerificationLinkIssued(guardian, hash, issued + GuardianAccount.LinkLifetime, issued));
            await session.SaveChangesAsync();
        }

        var expired = await api.Browser().GetAsync($"{GuardianMail.VerifyPath}?token={token}");
        var unknown = await api.Browser().GetAsync($"{GuardianMail.VerifyPath}?token=not-a-token-we-sent");

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("not valid", await unknown.Content.ReadAsStringAsync());
        Assert.False((await Account(email))!.Active);
    }

    [Fact]
    public async Task Registering_with_a_taken_email_answers_the_same_and_tells_the_owner()
    {
        var email = NewEmail();
        var first = await (await RegisterByJson(email)).ShouldBe(HttpStatusCode.Accepted);
        (await api.Browser().GetAsync(await VerificationLink(email))).EnsureSuccessStatusCode();

        var second = await (await RegisterByJson(email, "another long passphrase", givenName: "Mallory")).ShouldBe(HttpStatusCode.Accepted);

        Assert.Equal(first.ToString(), second.ToString());
        var notice = await api.Mailbox.WaitForAsync(email, GuardianMail.AttemptSubject);
        Assert.Contains("already has\na Portal account", (notice.TextBody ?? "").ReplaceLineEndings("\n"));
        Assert.Single(api.Mailbox.To(email), m => m.Subject == GuardianMail.VerificationSubject);
        var account = (await Account(email))!;
        Assert.Equal("Sam Parent", account.DisplayName);
        Assert.True(await PasswordVerifies(account.AccountId, Password));
    }

    [Fact]
    public async Task A_staff_members_email_cannot_be_registered_as_a_guardian()
    {
        var email = NewEmail();
        var org = Guid.NewGuid();
        await (await api.District(org).Post("/staff", new { email, givenName = "Kim", familyName = "Lee", staffType = "DistrictAdministrator" }))
            .ShouldBe(HttpStatusCode.Created);

        await (await RegisterByJson(email)).ShouldBe(HttpStatusCode.Accepted);

        await api.Mailbox.WaitForAsync(email, GuardianMail.AttemptSubject);
        Assert.Equal(AccountKind.Staff, (await Account(email))!.Kind);
    }

    [Fact]
    public async Task Registering_again_before_verifying_sends_a_fresh_link_and_the_old_one_stops_working()
    {
        var email = NewEmail();
        (await RegisterByJson(email)).EnsureSuccessStatusCode();
        var old = await VerificationLink(email);

        await (await RegisterByJson(email)).ShouldBe(HttpStatusCode.Accepted);

        var fresh = await VerificationLink(email, nth: 2);
        var refused = await api.Browser().GetAsync(old);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("replaced by a newer one", await refused.Content.ReadAsStringAsync());
        (await api.Browser().GetAsync(fresh)).EnsureSuccessStatusCode();
        Assert.True((await Account(email))!.Active);
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("password1234", "too common")]
    public async Task A_weak_password_is_refused_with_the_policy_message(string password, string message)
    {
        var email = NewEmail();

        var json = await RegisterByJson(email, password);
        var form = await RegisterByForm(api.Browser(), email, password);

        var problem = await json.ShouldBeProblem(HttpStatusCode.BadRequest, message);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        var page = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains(message, page);
        Assert.Equal(email, HtmlForms.InputValue(page, "email"));
        Assert.Equal("Sam", HtmlForms.InputValue(page, "givenName"));
        Assert.Equal("", HtmlForms.InputValue(page, "password"));
        Assert.Null(await Account(email));
        Assert.Empty(api.Mailbox.To(email));
    }

    [Fact]
    public async Task Invalid_json_lists_every_field_at_fault()
    {
        var response = await api.Browser().Post(RegistrationEndpoints.Path, new { email = "nobody", givenName = "", familyName = "Parent", password = "" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "Password is required");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("givenName", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("""{"email": "unterminated, "password": 1""", "is invalid after a value")]
    [InlineData("""["an array", "not a registration"]""", "could not be converted")]
    [InlineData("""{"email": 12345, "givenName": "Sam", "familyName": "Parent", "password": "x"}""", "$.email")]
    public async Task Json_that_is_not_a_registration_is_a_400_problem_naming_the_fault(string body, string named)
    {
        var response = await api.Browser().PostAsync(RegistrationEndpoints.Path,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, named);
    }
}
