namespace Portal.AppHost;

/// <summary>
/// The first platform operator Identity creates on first start (Portal__Bootstrap__Email / __Password), taken from
/// the environment when set, else the documented local-development values below.
/// </summary>
public sealed record BootstrapOperator(string Email, string Password, bool Configured)
{
    // Local-development defaults only, documented in README; a real deployment sets both variables.
    public const string DevelopmentEmail = "operator@portal.localhost";
    public const string DevelopmentPassword = "Local-dev-only-1!";

    public static BootstrapOperator FromEnvironment()
    {
        var email = Environment.GetEnvironmentVariable("Portal__Bootstrap__Email");
        var password = Environment.GetEnvironmentVariable("Portal__Bootstrap__Password");
        return string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)
            ? new BootstrapOperator(DevelopmentEmail, DevelopmentPassword, false)
            : new BootstrapOperator(email, password, true);
    }
}
