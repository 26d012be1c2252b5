using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.AppHost.Clients;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;
using Portal.Testing;

namespace Portal.Identity.Tests.StudentLogins;

/// <summary>
/// Identity as the token issuer it is in production (its own keys and login page), against real PostgreSQL and
/// RabbitMQ, with its virtual host exposed so tests publish Institution's and Roster's messages to it and watch what
/// it publishes. Tests isolate themselves by working in fresh organisations and schools.
/// </summary>
public sealed class StudentLoginsApi : IAsyncLifetime
{
    public static readonly Uri Identity = new("http://localhost/");
    public static readonly Uri Callback = new("http://localhost/signin-callback");

    private WebApplicationFactory<Program> factory = null!;

    public string RabbitMq { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var postgres = await TestInfrastructure.CreateDatabaseAsync("identity_students");
        RabbitMq = await TestInfrastructure.CreateVirtualHostAsync("identity-students");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.StartBusBeforeServing();
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", RabbitMq);
            web.UseSetting("OTEL_SERVICE_NAME", "identity");
            web.UseSetting("Portal:Identity:AllowHttp", "true");
            web.UseSetting("Portal:Identity:WebRedirectUris", Callback.ToString());
            web.UseSetting("Portal:Bootstrap:Email", "operator@portal.test");
            web.UseSetting("Portal:Bootstrap:Password", "Operator-test-password-1");
            web.UseSetting("Portal:Identity:PasswordIterations", "1000");
        });
        factory.CreateClient();
        await Task.CompletedTask;
    }

    public IDocumentStore Store => factory.Services.GetRequiredService<IDocumentStore>();

    public PortalSignIn WebClient() =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), Identity, "portal-web", Callback);

    /// <summary>Sets a student's password directly, as their start card's setup code will (a later part of issue 6).</summary>
    public async Task SetStudentPasswordAsync(Guid studentId, Guid organisation, string password)
    {
        var account = await factory.Services.GetRequiredService<AccountDirectory>().FindAsync(studentId, AccountKind.Student, organisation)
            ?? throw new InvalidOperationException($"No student account {studentId}.");
        var hash = factory.Services.GetRequiredService<PasswordHasher>().Hash(password);
        await factory.Services.GetRequiredService<CredentialsStore>()
            .DecideAsync(account, s => Passwords.Decide(new SetPassword(studentId, hash, DateTimeOffset.UtcNow), s));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StudentLoginsApiCollection : ICollectionFixture<StudentLoginsApi>
{
    public const string Name = "Identity student logins";
}
