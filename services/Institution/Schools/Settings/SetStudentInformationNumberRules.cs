using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>What a student information number (SIN) must look like: required or not, minimum length, digits only.</summary>
public sealed record SetStudentInformationNumberRules(
    Guid SchoolId, bool Required, int MinimumLength, bool NumericOnly, Guid ActorId, DateTimeOffset At);

public sealed record StudentInformationNumberRulesSet(
    Guid SchoolId, bool Required, int MinimumLength, bool NumericOnly, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public const int MaxStudentInformationNumberMinimumLength = 20;

    public static object[] Decide(SetStudentInformationNumberRules command, SchoolState state)
    {
        if (command.MinimumLength is < 0 or > MaxStudentInformationNumberMinimumLength)
            throw new ValidationFailed("minimumLength",
                $"Minimum length must be between 0 and {MaxStudentInformationNumberMinimumLength} (was {command.MinimumLength}).");
        if (new StudentInformationNumberRules(command.Required, command.MinimumLength, command.NumericOnly)
            == state.StudentInformationNumberRules)
            return [];
        return
        [
            new StudentInformationNumberRulesSet(state.Id, command.Required, command.MinimumLength, command.NumericOnly,
                command.ActorId, command.At.ToUniversalTime()),
        ];
    }
}
