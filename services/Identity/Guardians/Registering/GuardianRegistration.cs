using Marten;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Mail;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Guardians;

public sealed record RegisterGuardianRequest(string? Email, string? GivenName, string? FamilyName, string? Password);

/// <summary>
/// A guardian registers themselves. Whether or not the email was free, the caller learns only "check your email":
/// a new account gets a verification link, and the owner of a taken address is told someone tried to register
/// with it. Same work both ways (the password is hashed either way), so the timing does not tell either.
/// </summary>
public sealed class GuardianRegistration(
    AccountDirectory directory, PasswordHasher hasher, GuardianMail mail, TimeProvider clock)
{
    /// <summary>Throws <see cref="ValidationFailed"/> listing every field at fault; anything else is "check your email".</summary>
    public async Task RegisterAsync(RegisterGuardianRequest request, CancellationToken cancellation)
    {
        var id = Guid.NewGuid();
        var (token, tokenHash) = OneTimeTokens.New();
        var now = clock.GetUtcNow();
        var events = Validated(new RegisterGuardian(id, request.Email ?? "", request.GivenName ?? "", request.FamilyName ?? "", tokenHash, now), request.Password);
        var registered = events.OfType<GuardianRegistered>().Single();
        var passwordHash = hasher.Hash(request.Password!);

        await using (var session = directory.SessionFor(null))
        {
            if (await session.LoadAsync<SignInName>(registered.Email, cancellation) is null)
            {
                session.Events.StartStream<GuardianAccountState>(id, events);
                session.Events.StartStream<CredentialsState>(CredentialsState.StreamId(id),
                    Passwords.Decide(new SetPassword(id, passwordHash, now), null));
                try
                {
                    await session.SaveChangesAsync(cancellation);
                    await mail.VerificationAsync(registered.Email, registered.GivenName, token, reissued: false, cancellation);
                    return;
                }
                catch (Exception e) when (IsEmailTaken(e))
                {
                    // Another registration took the email between the check and the save.
                }
            }
        }
        await EmailTakenAsync(registered.Email, now, cancellation);
    }

    async Task EmailTakenAsync(string email, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = directory.SessionFor(null);
        var holder = await session.LoadAsync<SignInName>(email, cancellation);
        if (holder is { Kind: AccountKind.Guardian }
            && await session.LoadAsync<GuardianAccountState>(holder.AccountId, cancellation) is { EmailVerified: false } pending)
        {
            // Likely the same person whose first email went astray: the owner of the address gets a fresh link.
            var (token, tokenHash) = OneTimeTokens.New();
            var stream = await session.Events.FetchForWriting<GuardianAccountState>(pending.Id, cancellation);
            stream.AppendMany(GuardianAccount.Decide(new ReissueGuardianVerification(pending.Id, tokenHash, now), stream.Aggregate));
            await session.SaveChangesAsync(cancellation);
            await mail.VerificationAsync(email, pending.GivenName, token, reissued: true, cancellation);
            return;
        }
        await mail.RegistrationAttemptAsync(email, cancellation);
    }

    static object[] Validated(RegisterGuardian command, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        object[] events = [];
        try
        {
            events = GuardianAccount.Decide(command, null);
        }
        catch (ValidationFailed e)
        {
            foreach (var (field, messages) in e.Errors) errors[field] = messages;
        }
        try
        {
            PasswordPolicy.Validate(password);
        }
        catch (ValidationFailed e)
        {
            foreach (var (field, messages) in e.Errors) errors[field] = messages;
        }
        return errors.Count > 0 ? throw new ValidationFailed(errors) : events;
    }

    static bool IsEmailTaken(Exception e)
    {
        if (SignInNamesProjection.IsTakenViolation(e))
            return true;
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is RuleViolation)
                return true; // the inline projection found the name taken
        return false;
    }
}
