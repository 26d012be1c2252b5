using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

/// <summary>The endpoint checks <see cref="PasswordPolicy"/> on the plain password and hashes it; the decider sees only the hash.</summary>
public sealed record SetPassword(Guid AccountId, string Hash, DateTimeOffset At);

public static class Passwords
{
    public static object[] Decide(SetPassword command, CredentialsState? state)
    {
        if (string.IsNullOrWhiteSpace(command.Hash))
            throw new ValidationFailed("password", "Password is required.");
        if (state is not null && state.AccountId != command.AccountId)
            throw new RuleViolation("These credentials belong to another account.");
        return [new PasswordSet(command.AccountId, command.Hash, command.At.ToUniversalTime())];
    }
}
