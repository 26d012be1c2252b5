using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Tests.Credentials;

public class PasswordPolicyTests
{
    static void ThenInvalid(string? password, string message)
    {
        var error = Assert.Throws<ValidationFailed>(() => PasswordPolicy.Validate(password));
        Assert.Equal([message], error.Errors["password"]);
    }

    [Fact]
    public void A_password_of_11_characters_is_too_short() =>
        ThenInvalid("abcdefghij1", "Password must be at least 12 characters (it has 11).");

    [Fact]
    public void A_password_of_12_characters_is_accepted() => PasswordPolicy.Validate("correct-hors");

    [Fact]
    public void A_password_of_128_characters_is_accepted() => PasswordPolicy.Validate(new string('k', 127) + "7");

    [Fact]
    public void A_password_of_129_characters_is_too_long() =>
        ThenInvalid(new string('k', 129), "Password must be at most 128 characters (it has 129).");

    [Fact]
    public void A_missing_password_is_required() => ThenInvalid("", "Password is required.");

    [Theory]
    [InlineData("password1234")]
    [InlineData("PassWord1234")]
    [InlineData("WELCOME12345")]
    [InlineData("QwertyUiop12")]
    public void A_common_password_is_refused_in_any_case(string password) =>
        ThenInvalid(password, "Password is too common: it appears on lists of frequently used passwords. Choose another.");

    [Fact]
    public void Characters_are_counted_as_typed_not_as_utf16_units()
    {
        // Eleven emoji are 22 UTF-16 units but eleven characters to the person typing them.
        ThenInvalid(string.Concat(Enumerable.Repeat("🍎", 11)), "Password must be at least 12 characters (it has 11).");
        PasswordPolicy.Validate(string.Concat(Enumerable.Repeat("🍎", 12)));
    }
}
