using System.Text.RegularExpressions;
using MimeKit;

namespace Portal.Identity.Tests.Mail;

/// <summary>
/// The mail the service under test sent: the .eml files in the pickup folder its host was given
/// (<c>Portal:Mail:PickupDirectory</c>). Tests wait for a message rather than for time, since some mail is sent by
/// the async daemon after the request has answered.
/// </summary>
public sealed partial class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<MimeMessage> To(string address) =>
        (System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.eml") : [])
        .Order(StringComparer.Ordinal) // named by sending time
        .Select(file => MimeMessage.Load(file))
        .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    /// <summary>The <paramref name="nth"/> message to the address with the subject, once it has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject, int nth = 1, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matching = To(address).Where(m => m.Subject == subject).ToList();
            if (matching.Count >= nth)
                return matching[nth - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"Expected {nth} message(s) \"{subject}\" to {address} in {Directory}, found {matching.Count} (and {To(address).Count} to that address in all).");
            await Task.Delay(100);
        }
    }

    /// <summary>The link in the message's text that starts with <paramref name="prefix"/> (e.g. the public URL and a path).</summary>
    public static string LinkIn(MimeMessage message, string prefix)
    {
        var match = Link().Matches(message.TextBody ?? "").FirstOrDefault(m => m.Value.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link starting {prefix} in:\n{message.TextBody}");
        return match.Value;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
