namespace Portal.Institution.Schools;

/// <summary>Whether the school allows second languages in its portal.</summary>
public sealed record SetSecondLanguagesAllowed(Guid SchoolId, bool Allowed, Guid ActorId, DateTimeOffset At);

public sealed record SecondLanguagesAllowedSet(Guid SchoolId, bool Allowed, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(SetSecondLanguagesAllowed command, SchoolState state) =>
        command.Allowed == state.SecondLanguagesAllowed
            ? []
            : [new SecondLanguagesAllowedSet(state.Id, command.Allowed, command.ActorId, command.At.ToUniversalTime())];
}
