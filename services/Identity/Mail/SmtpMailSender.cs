using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Portal.Identity.Mail;

/// <summary>One connection per message: mail here is occasional (registrations, invitations), not bulk.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellation = default)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        var message = MimeMessages.From(mail, settings.Sender);
        using var client = new SmtpClient();
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Portal:Mail:Smtp:Host is not configured."), smtp.Port, security, cancellation);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellation);
        await client.SendAsync(message, cancellation);
        await client.DisconnectAsync(quit: true, cancellation);
        logger.LogInformation("Mail \"{Subject}\" handed to {SmtpHost}", mail.Subject, smtp.Host);
    }
}
