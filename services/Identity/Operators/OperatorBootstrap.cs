using Marten;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Operators;

/// <summary>
/// Creates the first platform operator from configuration (Portal:Bootstrap:Email and :Password) on first start,
/// the way Keycloak bootstraps its first admin. Once the email signs in to an account, later starts leave it alone,
/// so changing the password afterwards is not undone by a restart.
/// </summary>
public sealed class OperatorBootstrap(IDocumentStore store, IConfiguration configuration, PasswordHasher hasher, ILogger<OperatorBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = SignInName.Normalise(configuration["Portal:Bootstrap:Email"]);
        var password = configuration["Portal:Bootstrap:Password"];
        if (email.Length == 0 || string.IsNullOrEmpty(password))
        {
            logger.LogInformation("No bootstrap operator configured (Portal:Bootstrap:Email / Portal:Bootstrap:Password)");
            return;
        }
        PasswordPolicy.Validate(password);

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SignInName>(email, cancellationToken) is not null)
            return;
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        session.Events.StartStream<OperatorAccountState>(id, new OperatorAccountCreated(id, email, "Platform operator", now));
        session.Events.StartStream<CredentialsState>(CredentialsState.StreamId(id), new PasswordSet(id, hasher.Hash(password), now));
        session.Insert(new SignInName(email, id, AccountKind.Operator, null));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Bootstrap platform operator created");
        }
        catch (Exception e) when (SignInNamesProjection.IsTakenViolation(e))
        {
            // Another replica bootstrapped it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
