using Portal.Identity.Mail;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Guardians;

/// <param name="TokenHash">The hash of the verification link's token (<see cref="OneTimeTokens"/>); the decider never sees the token.</param>
public sealed record RegisterGuardian(Guid AccountId, string Email, string GivenName, string FamilyName, string TokenHash, DateTimeOffset At);

public sealed record ReissueGuardianVerification(Guid AccountId, string TokenHash, DateTimeOffset At);

public sealed record VerifyGuardianEmail(Guid AccountId, string TokenHash, DateTimeOffset At);

/// <summary>
/// The guardian account decider. Pure: whether the email is free across the platform needs a read model, so the
/// endpoint checks it (and the sign-in name's primary key settles a race).
/// </summary>
public static class GuardianAccount
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    public const int MaxNameLength = StaffAccount.MaxNameLength;

    public static object[] Decide(RegisterGuardian command, GuardianAccountState? state)
    {
        if (state is not null)
            throw new RuleViolation($"Guardian account {state.Id} already exists.");
        if (command.AccountId == Guid.Empty)
            throw new ValidationFailed("accountId", "Account id is required.");
        var errors = new Dictionary<string, string[]>();
        var email = Valid(errors, "email", () => StaffAccount.NormaliseEmail(command.Email));
        var given = Valid(errors, "givenName", () => ValidName(command.GivenName, "givenName", "Given name"));
        var family = Valid(errors, "familyName", () => ValidName(command.FamilyName, "familyName", "Family name"));
        if (errors.Count > 0)
            throw new ValidationFailed(errors);

        var at = command.At.ToUniversalTime();
        return
        [
            new GuardianRegistered(command.AccountId, email, given, family, at),
            new GuardianVerificationLinkIssued(command.AccountId, command.TokenHash, at + LinkLifetime, at),
        ];
    }

    /// <summary>A new link for an account not yet verified; earlier links stop working.</summary>
    public static object[] Decide(ReissueGuardianVerification command, GuardianAccountState? state)
    {
        var account = state ?? throw new NotFound("No such guardian account.");
        if (account.EmailVerified)
            throw new RuleViolation("This guardian's email is already verified.");
        var at = command.At.ToUniversalTime();
        return [new GuardianVerificationLinkIssued(account.Id, command.TokenHash, at + LinkLifetime, at)];
    }

    public static object[] Decide(VerifyGuardianEmail command, GuardianAccountState? state)
    {
        if (state is null || state.LinkHash is null)
            throw new LinkRefused(UnknownLink);
        if (state.LinkHash != command.TokenHash)
            throw new LinkRefused(state.EmailVerified ? UnknownLink : "This link has been replaced by a newer one. Use the link in the most recent email we sent you.");
        if (state.EmailVerified)
            throw new LinkRefused("This link has already been used: your email address is verified. You can sign in.");
        if (command.At >= state.LinkExpiresAt)
            throw new LinkRefused("This link has expired: links are valid for 24 hours. Register again to get a new one.");
        return [new GuardianEmailVerified(state.Id, state.Email, command.At.ToUniversalTime())];
    }

    public const string UnknownLink = "This verification link is not valid. Check that you copied the whole link from the email.";

    static string ValidName(string? name, string field, string label)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ValidationFailed(field, $"{label} is required.");
        if (trimmed.Length > MaxNameLength)
            throw new ValidationFailed(field, $"{label} must be at most {MaxNameLength} characters (it has {trimmed.Length}).");
        return trimmed;
    }

    // Every field's problem at once, so a form shows them together.
    static string Valid(Dictionary<string, string[]> errors, string field, Func<string> validate)
    {
        try
        {
            return validate();
        }
        catch (ValidationFailed e)
        {
            errors[field] = e.Errors.SelectMany(x => x.Value).ToArray();
            return "";
        }
    }
}
