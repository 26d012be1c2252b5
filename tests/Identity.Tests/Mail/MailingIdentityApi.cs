using Portal.TestIssuer;
using Portal.Testing;

namespace Portal.Identity.Tests.Mail;

/// <summary>
/// Identity over HTTP against real PostgreSQL and RabbitMQ, with its mail written to a pickup folder of this
/// fixture's own, read through <see cref="Mailbox"/>. Links in mail start with <see cref="PublicUrl"/>.
/// </summary>
public sealed class MailingIdentityApi : IAsyncLifetime
{
    public const string Audience = "portal-identity";
    public const string PublicUrl = "https://portal.test/identity";

    private ServiceUnderTest<Program> service = null!;

    public Mailbox Mailbox { get; } = new(Path.Combine(Path.GetTempPath(), $"portal-mail-{Guid.NewGuid():N}"));

    public IServiceProvider Services => service.Services;

    /// <summary>The amqp:// URI of the service's virtual host, for listeners that watch what it publishes.</summary>
    public string RabbitMq => service.RabbitMq;

    public async Task InitializeAsync() => service = await ServiceUnderTest<Program>.StartAsync("identity", new Dictionary<string, string?>
    {
        ["Portal:Mail:PickupDirectory"] = Mailbox.Directory,
        ["Portal:Identity:PublicUrl"] = PublicUrl,
        // The hash cost is the benchmark's business; tests only need hashes that verify.
        ["Portal:Identity:PasswordIterations"] = "1000",
    });

    /// <summary>A browser: keeps its cookies between requests, as the antiforgery check needs.</summary>
    public HttpClient Browser() => service.Anonymous();

    public HttpClient District(Guid org, Guid? subject = null) =>
        service.As(Callers.DistrictAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school, Guid? subject = null) =>
        service.As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid? subject = null) =>
        service.As(Callers.Teacher(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    /// <summary>A link from a mail, as a path this host serves.</summary>
    public static string Local(string link)
    {
        Assert.StartsWith(PublicUrl + "/", link);
        return link[PublicUrl.Length..];
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        if (Directory.Exists(Mailbox.Directory)) Directory.Delete(Mailbox.Directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class MailingIdentityApiCollection : ICollectionFixture<MailingIdentityApi>
{
    public const string Name = "Identity with mail";
}
