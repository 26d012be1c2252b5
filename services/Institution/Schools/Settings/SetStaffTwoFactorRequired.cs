namespace Portal.Institution.Schools;

/// <summary>Whether staff of the school must pass a second factor (TOTP) after their password; Identity enforces it.</summary>
public sealed record SetStaffTwoFactorRequired(Guid SchoolId, bool Required, Guid ActorId, DateTimeOffset At);

public sealed record StaffTwoFactorRequirementSet(Guid SchoolId, bool Required, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(SetStaffTwoFactorRequired command, SchoolState state) =>
        command.Required == state.StaffTwoFactorRequired
            ? []
            : [new StaffTwoFactorRequirementSet(state.Id, command.Required, command.ActorId, command.At.ToUniversalTime())];
}
