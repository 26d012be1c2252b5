using Marten;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Operators;

public sealed record OperatorAccountCreated(Guid AccountId, string Email, string Name, DateTimeOffset At);

/// <summary>A platform operator: support staff of the platform, outside every organisation (default tenant).</summary>
public sealed record OperatorAccountState(Guid Id, string Email, string Name, bool Active)
{
    public static OperatorAccountState Create(OperatorAccountCreated e) => new(e.AccountId, e.Email, e.Name, true);
}

public sealed class OperatorAccountSource : IAccountSource
{
    public AccountKind Kind => AccountKind.Operator;

    public async Task<SignInAccount?> LoadAsync(IQuerySession session, Guid accountId, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<OperatorAccountState>(accountId, cancellation);
        return account is null ? null : new SignInAccount(account.Id, AccountKind.Operator, null, account.Email, account.Name, account.Active);
    }
}
