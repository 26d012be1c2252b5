using Portal.Identity.Mail;

namespace Portal.Identity.Students.StartCards;

/// <summary>
/// How long a printed setup code works (<c>Portal:Identity:StudentSetupCodeLifetime</c>, a TimeSpan, default 14 days)
/// and the address printed on the cards (<c>Portal:Identity:StudentSignInUrl</c>, default Identity's public URL + the
/// set-up page).
/// </summary>
public sealed class StartCardOptions(IConfiguration configuration, PublicLinks links)
{
    public const string LifetimeKey = "Portal:Identity:StudentSetupCodeLifetime";
    public const string SignInUrlKey = "Portal:Identity:StudentSignInUrl";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public TimeSpan CodeLifetime { get; } = configuration.GetValue(LifetimeKey, DefaultLifetime) is { } lifetime && lifetime > TimeSpan.Zero
        ? lifetime
        : throw new InvalidOperationException($"{LifetimeKey} must be a positive duration, e.g. 14.00:00:00.");

    public string SignInUrl => configuration[SignInUrlKey] is { Length: > 0 } url ? url : links.To(StartCardFeatures.SetupPath);
}
