using Portal.Identity.Mail;

namespace Portal.Identity.Guardians;

/// <summary>
/// The mails a registration sends. A failed send is logged (without the address) and swallowed: the registration
/// stands, and registering again with the same email sends a fresh link.
/// </summary>
public sealed class GuardianMail(IMailSender sender, PublicLinks links, ILogger<GuardianMail> logger)
{
    public const string VerifyPath = "/guardians/verify";
    public const string VerificationSubject = "Verify your email address for Portal";
    public const string AttemptSubject = "Someone tried to register with your email address";

    public Task VerificationAsync(string email, string givenName, string token, bool reissued, CancellationToken cancellation)
    {
        var link = links.To(VerifyPath, token);
        var intro = reissued
            ? "Someone (probably you) tried to register again with this email address, which already has an account waiting to be verified."
            : "Thank you for registering with Portal.";
        return Send(new OutgoingMail(email, VerificationSubject, $"""
            Hello {givenName},

            {intro} To verify your email address and finish setting up your account, open this link:

            {link}

            The link works once and expires in 24 hours. If you did not register, ignore this email: nothing happens
            until the link is opened.
            """), cancellation);
    }

    public Task RegistrationAttemptAsync(string email, CancellationToken cancellation) =>
        Send(new OutgoingMail(email, AttemptSubject, $"""
            Hello,

            Someone tried to register a guardian account on Portal with this email address. This address already has
            a Portal account, so no new account was created.

            If it was you, sign in with your existing account: {links.To("/account/login")}

            If it was not you, you can ignore this email; your account has not changed.
            """), cancellation);

    async Task Send(OutgoingMail message, CancellationToken cancellation)
    {
        try
        {
            await sender.SendAsync(message, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not send the guardian mail \"{Subject}\"", message.Subject);
        }
    }
}
