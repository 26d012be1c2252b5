using JasperFx.Events.Projections;
using Marten;

namespace Portal.Identity.LoginHistory;

/// <summary>Login history (issue 3 item 7): one document per completed sign-in, read per account and per school.</summary>
public static class LoginHistoryFeatures
{
    public static void ConfigureLoginHistoryDocuments(this StoreOptions options)
    {
        options.Projections.Add<LoginHistoryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<LoginHistoryEntry>().Index(e => e.AccountId).Index(e => e.At);
    }

    public static void MapLoginHistoryEndpoints(this IEndpointRouteBuilder app) => LoginHistoryEndpoints.Map(app);
}
