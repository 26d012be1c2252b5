namespace Portal.Identity.Mail;

/// <summary>
/// <c>Portal:Mail</c>. SMTP is used when <c>Smtp:Host</c> is set and the host is not Development; otherwise every
/// message is written as an .eml file to <see cref="PickupDirectory"/> (default <c>&lt;content root&gt;/.state/mail</c>,
/// beside the rest of the local state and ignored by git), where a developer opens it or a test reads it.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    public string? PickupDirectory { get; set; }

    /// <summary>The sender when <see cref="SmtpOptions.From"/> is not given.</summary>
    public string From { get; set; } = "Portal <no-reply@portal.localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    public string Sender => string.IsNullOrWhiteSpace(Smtp.From) ? From : Smtp.From;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>True: TLS from the first byte on port 465, STARTTLS (required) elsewhere. False: no TLS.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
}
