using MimeKit;

namespace Portal.Identity.Mail;

static class MimeMessages
{
    public static MimeMessage From(OutgoingMail mail, string sender)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(sender));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = DateTimeOffset.UtcNow;
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        message.Body = body.ToMessageBody();
        return message;
    }
}
