namespace Portal.Identity.Credentials;

/// <summary>
/// Frequently used passwords that already meet the length rule. Shorter ones are refused by length alone, so only
/// 12+ character entries earn a place here; the list stays short because the length rule does most of the work.
/// </summary>
public static class CommonPasswords
{
    static readonly HashSet<string> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "password123456", "passwordpassword", "password1234!",
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "asdfghjkl123",
        "letmein12345", "iloveyou1234", "abc123456789", "abcdefghijkl",
        "welcome12345", "welcome123456", "changeme1234", "teacher12345", "teacher123456", "school123456",
        "student12345", "headteacher1", "classroom123", "Summer2024!!", "Autumn2024!!",
    };

    public static bool Contains(string password) => Entries.Contains(password);
}
