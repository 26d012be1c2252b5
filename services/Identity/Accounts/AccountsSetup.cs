using JasperFx.Events.Projections;
using Marten;
using Portal.Identity.Credentials;

namespace Portal.Identity.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton(provider => new PasswordHasher(
            provider.GetRequiredService<IConfiguration>().GetValue("Portal:Identity:PasswordIterations", PasswordHasher.DefaultIterations)));
        services.AddSingleton<IAccountSource, StaffAccountSource>();
        return services;
    }

    public static void ConfigureAccountDocuments(this StoreOptions options)
    {
        options.Schema.For<SignInName>().SingleTenanted().Index(n => n.AccountId);
        options.Projections.Add<SignInNamesProjection>(ProjectionLifecycle.Inline);
        options.Projections.Snapshot<CredentialsState>(SnapshotLifecycle.Inline);
    }
}
