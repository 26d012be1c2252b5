namespace Portal.Institution.Schools;

public sealed record RemoveParentPortalLogo(Guid SchoolId, Guid ActorId, DateTimeOffset At);

public sealed record ParentPortalLogoRemoved(Guid SchoolId, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    /// <summary>Removing a logo the school does not have changes nothing (a repeated DELETE is harmless).</summary>
    public static object[] Decide(RemoveParentPortalLogo command, SchoolState state) =>
        state.ParentPortalLogo is null
            ? []
            : [new ParentPortalLogoRemoved(state.Id, command.ActorId, command.At.ToUniversalTime())];
}
