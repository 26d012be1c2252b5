using System.Net.Mail;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

/// <summary>
/// The staff account decider: one <c>Decide(command, state)</c> per use case, beside its command. Pure: refusals
/// throw Forbidden (403, from <see cref="StaffManagementRules"/>), RuleViolation (409) or ValidationFailed (400).
/// A command that would change nothing returns no events.
/// </summary>
public static partial class StaffAccount
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    /// <summary>Trimmed and lower-cased, so one person cannot hold two accounts differing only in case.</summary>
    public static string NormaliseEmail(string? email)
    {
        var normalised = (email ?? "").Trim().ToLowerInvariant();
        if (normalised.Length == 0)
            throw new ValidationFailed("email", "Email is required.");
        if (normalised.Length > MaxEmailLength)
            throw new ValidationFailed("email", $"Email must be at most {MaxEmailLength} characters (it has {normalised.Length}).");
        if (!LooksLikeAnAddress(normalised))
            throw new ValidationFailed("email", $"'{normalised}' is not an email address.");
        return normalised;
    }

    // MailAddress alone accepts display-name forms ("Ann <a@b.c>") and dotless domains; an account needs a bare address.
    static bool LooksLikeAnAddress(string email) =>
        MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && !email.Any(char.IsWhiteSpace)
        && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');

    static string ValidName(string? name, string field, string label)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ValidationFailed(field, $"{label} is required.");
        if (trimmed.Length > MaxNameLength)
            throw new ValidationFailed(field, $"{label} must be at most {MaxNameLength} characters (it has {trimmed.Length}).");
        return trimmed;
    }

    static StaffType ValidType(StaffType type) => Enum.IsDefined(type)
        ? type
        : throw new ValidationFailed("staffType", $"Staff type must be one of {string.Join(", ", Enum.GetNames<StaffType>())}.");

    static StaffAccountState Existing(StaffAccountState? state) =>
        state ?? throw new NotFound("No such staff account.");
}
