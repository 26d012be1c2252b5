using Microsoft.Extensions.Options;

namespace Portal.Identity.Mail;

/// <summary>
/// Writes each message as an .eml file named by time and a random id, so files sort in sending order. The file
/// appears whole: it is written under a temporary name and renamed, and readers never see half a message.
/// </summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, string directory, ILogger<PickupDirectoryMailSender> logger)
    : IMailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellation = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var message = MimeMessages.From(mail, options.Value.Sender);
        var name = $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfffffff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(partial, cancellation);
        File.Move(partial, Path.Combine(Directory, name + ".eml"));
        logger.LogInformation("Mail \"{Subject}\" written to the pickup folder as {File}", mail.Subject, name + ".eml");
    }
}
