using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using OpenIddict.Abstractions;

namespace Portal.Identity.Students;

/// <summary>
/// A disabled student's sessions end: their refresh tokens and authorizations are revoked once the decision is
/// committed. (The token endpoint also refuses an inactive account; revoking makes the tokens themselves invalid, for
/// introspection and for anything else that reads their status.) Revoking twice is harmless, so a replay is too.
/// </summary>
public sealed class StudentSessionsRevoker : SubscriptionBase
{
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<StudentSessionsRevoker> logger;

    public StudentSessionsRevoker(IServiceScopeFactory scopes, ILogger<StudentSessionsRevoker> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        IncludeType<StudentLoginDisabled>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var disabled = page.Events.Select(e => e.Data).OfType<StudentLoginDisabled>().Select(e => e.StudentId).Distinct().ToList();
        if (disabled.Count == 0)
            return NullChangeListener.Instance;

        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        foreach (var student in disabled)
        {
            var subject = student.ToString();
            var revoked = await tokens.RevokeBySubjectAsync(subject, cancellationToken)
                          + await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
            logger.LogInformation("Ended the sessions of disabled student {StudentId}: {Revoked} tokens and authorizations revoked", student, revoked);
        }
        return NullChangeListener.Instance;
    }
}
