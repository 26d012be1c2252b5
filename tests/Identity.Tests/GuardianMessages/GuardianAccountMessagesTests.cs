using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Accounts;
using Portal.Identity.Contracts;
using Portal.Identity.Guardians;
using Portal.Identity.Tests.Mail;
using Portal.Testing;

namespace Portal.Identity.Tests.GuardianMessages;

/// <summary>
/// AccessCode learns of guardians from GuardianAccountChanged, published after registration and after email
/// verification are committed. Driven through the real registration endpoint and the link in the mail sent.
/// </summary>
[Collection(MailingIdentityApiCollection.Name)]
public sealed class GuardianAccountMessagesTests(MailingIdentityApi api) : IAsyncLifetime
{
    const string Password = "correct horse battery staple";
    const string VerifyLink = MailingIdentityApi.PublicUrl + GuardianMail.VerifyPath + "?token=";

    private MessageListener listener = null!;

    public async Task InitializeAsync()
    {
        listener = await MessageListener.StartAsync(api.RabbitMq, $"identity-tests-guardians-{Guid.NewGuid():N}", typeof(GuardianAccountChanged));
    }

    public async Task DisposeAsync() => await listener.DisposeAsync();

    static string NewEmail() => $"parent.{Guid.NewGuid():N}@example.org";

    async Task Register(string email) =>
        await (await api.Browser().Post(RegistrationEndpoints.Path, new { email, givenName = " Sam ", familyName = "Parent", password = Password }))
            .ShouldBe(HttpStatusCode.Accepted);

    async Task Verify(string email, int nth = 1)
    {
        var mail = await api.Mailbox.WaitForAsync(email, GuardianMail.VerificationSubject, nth);
        (await api.Browser().GetAsync(MailingIdentityApi.Local(Mailbox.LinkIn(mail, VerifyLink)))).EnsureSuccessStatusCode();
    }

    async Task<Guid> AccountOf(string email) =>
        (await api.Services.GetRequiredService<AccountDirectory>().FindByEmailAsync(email))?.AccountId
        ?? throw new InvalidOperationException($"No account for {email}.");

    [Fact]
    public async Task Registering_then_verifying_publishes_the_guardian_first_unverified_then_verified()
    {
        var email = NewEmail();

        await Register(email.ToUpperInvariant());

        var id = await AccountOf(email);
        var registered = await listener.WaitFor<GuardianAccountChanged>(m => m.AccountId == id);
        Assert.Equal((email, "Sam", "Parent", false), (registered.Email, registered.GivenName, registered.FamilyName, registered.EmailVerified));

        await Verify(email);

        var verified = await listener.WaitFor<GuardianAccountChanged>(m => m.AccountId == id && m.EmailVerified);
        Assert.Equal((email, "Sam", "Parent"), (verified.Email, verified.GivenName, verified.FamilyName));
        Assert.True(verified.Version > registered.Version, $"Verified at version {verified.Version}, registered at {registered.Version}.");
        Assert.True(verified.At >= registered.At);
    }

    [Fact]
    public async Task A_fresh_verification_link_publishes_nothing_new_about_the_guardian()
    {
        var email = NewEmail();
        await Register(email);
        await api.Mailbox.WaitForAsync(email, GuardianMail.VerificationSubject);

        await Register(email);
        await Verify(email, nth: 2);

        var id = await AccountOf(email);
        await listener.WaitFor<GuardianAccountChanged>(m => m.AccountId == id && m.EmailVerified);
        // Messages leave in the order their events were committed, so the verified one is the last that can be published;
        // the listener may take two of them in either order, hence the ordering by version.
        Assert.Equal([false, true],
            listener.All<GuardianAccountChanged>().Where(m => m.AccountId == id).OrderBy(m => m.Version).Select(m => m.EmailVerified));
    }
}
