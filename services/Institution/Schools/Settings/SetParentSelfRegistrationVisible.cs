namespace Portal.Institution.Schools;

/// <summary>Whether the parent portal shows the link for guardians to register themselves.</summary>
public sealed record SetParentSelfRegistrationVisible(Guid SchoolId, bool Visible, Guid ActorId, DateTimeOffset At);

public sealed record ParentSelfRegistrationVisibilitySet(Guid SchoolId, bool Visible, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(SetParentSelfRegistrationVisible command, SchoolState state) =>
        command.Visible == state.ParentSelfRegistrationVisible
            ? []
            : [new ParentSelfRegistrationVisibilitySet(state.Id, command.Visible, command.ActorId, command.At.ToUniversalTime())];
}
