using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.Identity.Mail;

public static class MailFeatures
{
    /// <summary>
    /// SMTP when <c>Portal:Mail:Smtp:Host</c> is configured, except in Development (and so in tests), where mail
    /// always goes to the pickup folder: a developer's machine never mails real people by accident.
    /// </summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.TryAddSingleton<PublicLinks>();
        var useSmtp = !string.IsNullOrWhiteSpace(builder.Configuration[$"{MailOptions.Section}:Smtp:Host"])
                      && !builder.Environment.IsDevelopment();
        if (useSmtp)
        {
            builder.Services.TryAddSingleton<IMailSender, SmtpMailSender>();
            return builder;
        }
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.TryAddSingleton<IMailSender>(services =>
        {
            var options = services.GetRequiredService<IOptions<MailOptions>>();
            var directory = options.Value.PickupDirectory is { Length: > 0 } configured
                ? Path.GetFullPath(configured, contentRoot)
                : Path.Combine(contentRoot, ".state", "mail");
            return new PickupDirectoryMailSender(options, directory, services.GetRequiredService<ILogger<PickupDirectoryMailSender>>());
        });
        return builder;
    }
}
