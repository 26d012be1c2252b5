using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Students.StartCards.Codes;

/// <summary>Print a start card: the endpoint makes the code and hands the decider only its hash.</summary>
public sealed record IssueSetupCode(Guid StudentId, string CodeHash, DateTimeOffset ExpiresAt, Guid IssuedBy, DateTimeOffset At);

/// <summary>The student typed <see cref="Code"/> on the set-up page.</summary>
public sealed record UseSetupCode(Guid StudentId, string? Code, DateTimeOffset At);

/// <summary>
/// Setup codes: issued only for an enabled login, each one replacing the last; used once, before it expires, and only
/// by its own student. The code is checked before its use or age, so only its holder learns that it was used or expired.
/// Refusals are rule violations with precise messages, for staff tools and tests; the set-up page shows them all alike.
/// </summary>
public static class StudentSetupCode
{
    public const string NoLogin = "The student has no enabled login, so no setup code applies.";
    public const string NoCode = "No setup code has been issued for this student (or the last one died with their login).";
    public const string WrongCode = "The setup code does not match the student's current one.";
    public const string AlreadyUsed = "The setup code has already been used.";
    public const string Expired = "The setup code has expired.";

    public static object[] Decide(IssueSetupCode command, StudentSetupCodeState? state)
    {
        var at = command.At.ToUniversalTime();
        if (state is not { Enabled: true })
            throw new RuleViolation($"Student {command.StudentId} has no enabled login: start cards are printed only for students who may sign in.");
        if (string.IsNullOrWhiteSpace(command.CodeHash))
            throw new ValidationFailed("code", "A setup code is required.");
        if (command.ExpiresAt <= at)
            throw new ValidationFailed("expiresAt", "A setup code must expire after it is issued.");
        return [new StudentSetupCodeIssued(state.Id, state.OrganisationId, state.SchoolId, command.CodeHash,
            command.ExpiresAt.ToUniversalTime(), command.IssuedBy, at)];
    }

    public static object[] Decide(UseSetupCode command, StudentSetupCodeState? state)
    {
        var at = command.At.ToUniversalTime();
        if (state is not { Enabled: true })
            throw new RuleViolation(NoLogin);
        if (state.CodeHash is null)
            throw new RuleViolation(NoCode);
        if (!SetupCodes.Matches(command.Code, state.CodeHash))
            throw new RuleViolation(WrongCode);
        if (state.Used)
            throw new RuleViolation(AlreadyUsed);
        if (state.ExpiresAt is not { } expires || at >= expires)
            throw new RuleViolation(Expired);
        return [new StudentSetupCodeUsed(state.Id, state.OrganisationId, at)];
    }
}
