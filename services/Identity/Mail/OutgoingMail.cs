namespace Portal.Identity.Mail;

/// <summary>One message to one person: plain text always, HTML alongside when the sender has it.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string? Html = null);

/// <summary>Sends mail the way this host is configured to: SMTP, or .eml files in a pickup folder.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellation = default);
}
