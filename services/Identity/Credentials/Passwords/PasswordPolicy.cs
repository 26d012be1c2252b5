using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

/// <summary>The password rule for staff and guardians (NIST SP 800-63B: length and a blocklist, no composition rules).</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Throws <see cref="ValidationFailed"/> on the "password" field when the password is not acceptable.</summary>
    public static void Validate(string? password)
    {
        if (string.IsNullOrEmpty(password))
            throw Invalid("Password is required.");
        // Characters as a person counts them: an emoji or accented letter typed once counts once.
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
            throw Invalid($"Password must be at least {MinimumLength} characters (it has {length}).");
        if (length > MaximumLength)
            throw Invalid($"Password must be at most {MaximumLength} characters (it has {length}).");
        if (CommonPasswords.Contains(password))
            throw Invalid("Password is too common: it appears on lists of frequently used passwords. Choose another.");
    }

    static ValidationFailed Invalid(string message) => new("password", message);
}
