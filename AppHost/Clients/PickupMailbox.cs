using System.Text.RegularExpressions;
using MimeKit;

namespace Portal.AppHost.Clients;

/// <summary>
/// Reads the mail Identity writes to its pickup folder in development (<c>&lt;state&gt;/mail</c>): the demo data and
/// end-to-end tests follow invitation links from it as the person receiving the email would.
/// </summary>
public sealed partial class PickupMailbox(string directory)
{
    /// <summary>The newest message to the address containing a link with <paramref name="pathPart"/>, waiting for it to arrive.</summary>
    public async Task<Uri> WaitForLinkAsync(string to, string pathPart, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in new DirectoryInfo(directory).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    var message = await MimeMessage.LoadAsync(file.FullName, cancellation);
                    if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                        continue;
                    var text = message.TextBody ?? message.HtmlBody ?? "";
                    var link = Link().Matches(text).Select(m => m.Value).FirstOrDefault(l => l.Contains(pathPart, StringComparison.Ordinal));
                    if (link is not null)
                        return new Uri(link);
                }
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"No mail to {to} with a '{pathPart}' link arrived in {directory} within {timeout}.");
            await Task.Delay(250, cancellation);
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
