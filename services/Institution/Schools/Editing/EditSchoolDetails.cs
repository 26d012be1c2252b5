namespace Portal.Institution.Schools;

public sealed record EditSchoolDetails(
    Guid SchoolId, string Name, string Code, SchoolPhase Phase, Guid ActorId, DateTimeOffset At);

public sealed record SchoolDetailsEdited(
    Guid SchoolId, string Name, string Code, SchoolPhase Phase, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(EditSchoolDetails command, SchoolState state)
    {
        var name = ValidName(command.Name);
        var code = ValidCode(command.Code);
        var phase = ValidPhase(command.Phase);
        if (name == state.Name && code == state.Code && phase == state.Phase)
            return [];
        return [new SchoolDetailsEdited(state.Id, name, code, phase, command.ActorId, command.At.ToUniversalTime())];
    }
}
