namespace Portal.AccessCode.Codes;

/// <summary>Where guardians sign up (configuration <c>Portal:AccessCode:SignUpUrl</c>; the gateway's guardian registration page otherwise).</summary>
public sealed class AccessCodeOptions
{
    public const string Section = "Portal:AccessCode";

    public string? SignUpUrl { get; set; }

    /// <summary>The configured address, or the registration page on the host the request came through (the gateway).</summary>
    public string SignUpUrlFor(HttpContext http) =>
        !string.IsNullOrWhiteSpace(SignUpUrl) ? SignUpUrl : $"{http.Request.Scheme}://{http.Request.Host}/identity/guardians/register";
}

/// <summary>What a letter (and the student's Portal Access view) tells a parent or guardian: the same words everywhere.</summary>
public sealed record LoginInstructions(string SchoolName, string StudentName, string Code, string SignUpUrl, IReadOnlyList<string> Steps)
{
    public static LoginInstructions For(string schoolName, string studentName, string code, string signUpUrl) =>
        new(schoolName, studentName, code, signUpUrl,
        [
            $"Go to {signUpUrl} and create a parent/guardian account with your own email address. If you already have one, sign in.",
            "Open the link in the email we send you to confirm your address, then sign in.",
            $"Choose \"Add a child\" and enter the access code {code}. Letters and digits only; capitals or not, with or without dashes.",
            $"You can then see {studentName}'s information. Keep this code private: anyone with it can ask to be linked to {studentName}.",
        ]);
}
