using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Permissions;

public static class PermissionEndpointExtensions
{
    private const string ScopeKey = "Portal.Scope";

    /// <summary>
    /// Refuses callers without the permission (403) and leaves the granted scope on the request for
    /// the endpoint to check against the resource (<see cref="ScopeResolution.GrantedScopeReaches"/>), whatever
    /// that scope is, Self and OwnClasses included. Platform operators act with organisation scope.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(permission);
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Demand(permission);
            return await next(context);
        });
        return builder;
    }

    /// <summary>
    /// What <see cref="RequirePermission{TBuilder}"/> does, for an endpoint that serves other kinds of account too and
    /// asks for the permission only on the staff path: 403 without it, otherwise the scope is granted on this request.
    /// </summary>
    public static Scope Demand(this HttpContext http, Permission permission)
    {
        var scope = ScopeFor(PortalCaller.From(http.User), permission);
        if (scope == Scope.None)
            throw new Forbidden($"Your account does not have the permission '{permission.Name}'.");
        http.Items[ScopeKey] = scope;
        return scope;
    }

    public static Scope ScopeFor(PortalCaller caller, Permission permission) => caller switch
    {
        { IsOperator: true } => Scope.Organisation,
        { Kind: AccountKind.Staff, StaffType: { } type } => PermissionMatrix.ScopeOf(type, permission),
        _ => Scope.None,
    };

    /// <summary>The scope granted by <see cref="RequirePermission{TBuilder}"/> on this request.</summary>
    public static Scope GrantedScope(this HttpContext context) =>
        context.Items.TryGetValue(ScopeKey, out var scope) && scope is Scope s ? s : Scope.None;
}
