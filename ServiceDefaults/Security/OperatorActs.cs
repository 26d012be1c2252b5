using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.ServiceDefaults.Security;

/// <summary>One request a platform operator made on an organisation's data, kept in that organisation's tenant.</summary>
public sealed class OperatorAct
{
    public Guid Id { get; init; }
    public Guid OperatorId { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public int Status { get; init; }
    public DateTimeOffset At { get; init; }
}

public static class OperatorActRecording
{
    /// <summary>
    /// Platform operators stand outside every organisation, so each request they make on one (reads included)
    /// is recorded in that organisation's tenant, where its administrators can see it.
    /// </summary>
    public static void UseOperatorActRecording(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.User.Identity?.IsAuthenticated != true || !PortalCaller.From(context.User).IsOperator) return;
        if (context.RequestServices.GetService<IDocumentStore>() is not { } store) return;
        Guid? organisation;
        try
        {
            organisation = context.RequestServices.GetRequiredService<TenantResolver>().CurrentOrganisation();
        }
        catch (ValidationFailed)
        {
            return; // the request named no valid organisation and was refused; nothing was touched
        }
        if (organisation is null) return;

        await using var session = store.LightweightSession(organisation.Value.ToString());
        session.Store(new OperatorAct
        {
            Id = Guid.NewGuid(),
            OperatorId = PortalCaller.From(context.User).AccountId,
            Method = context.Request.Method,
            Path = context.Request.Path,
            Status = context.Response.StatusCode,
            At = DateTimeOffset.UtcNow,
        });
        await session.SaveChangesAsync(CancellationToken.None);
    });
}
