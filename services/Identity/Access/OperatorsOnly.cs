using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Access;

public static class OperatorsOnly
{
    /// <summary>Refuses every caller but a platform operator, saying what only operators may do.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder, string refusal) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (!PortalCaller.From(context.HttpContext.User).IsOperator)
                throw new Forbidden(refusal);
            return await next(context);
        });
}
