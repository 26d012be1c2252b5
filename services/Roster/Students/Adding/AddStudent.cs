using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>
/// Staff add a student account by hand (not from the MIS) to the school, and to the classes named. Classes holds
/// those of ClassIds that exist; ByTeacher says the caller adds with a teacher's reach (their own classes).
/// NumberTaken / EmailTaken as in <see cref="EditStudent"/>. The class side is <see cref="PlaceStudentInClass"/>.
/// </summary>
public sealed record AddStudent(
    Guid StudentId, KnownSchool School, string? GivenName, string? FamilyName, string? YearGroup, string? Email,
    string? StudentInformationNumber, IReadOnlyList<Guid> ClassIds, IReadOnlyList<ClassState> Classes, bool ByTeacher,
    bool NumberTaken, bool EmailTaken, Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public const string TeacherAddingRule = "Teachers may add students only to existing classes assigned to them";

    public static object[] Decide(AddStudent command, StudentState? state)
    {
        if (state is not null) throw new RuleViolation($"Student {command.StudentId} already exists.");
        var school = command.School;
        var classes = command.ClassIds.Distinct().Select(id => (Id: id, Class: command.Classes.FirstOrDefault(c => c.Id == id))).ToList();
        if (command.ByTeacher) EnsureTeacherMayAdd(command, classes);

        var checks = new FieldChecks();
        foreach (var (id, _) in classes.Where(c => c.Class is null || c.Class.SchoolId != school.Id))
            checks.Add("classIds", $"Class {id} is not a class of {NameOf(school)}.");
        var given = checks.Check(() => ValidGivenName(command.GivenName));
        var family = checks.Check(() => ValidFamilyName(command.FamilyName));
        var yearGroup = checks.Check(() => YearGroupOf(school, command.YearGroup));
        var email = checks.Check(() => ValidEmail(command.Email));
        var number = checks.Check(() => StudentInformationNumberOf(school, command.StudentInformationNumber));
        checks.ThrowIfAny();

        if (classes.FirstOrDefault(c => !c.Class!.Active).Class is { } inactive)
            throw new RuleViolation($"Class '{inactive.Name}' is inactive; activate it before adding students to it.");
        if (number is not null && command.NumberTaken) throw new RuleViolation(NumberTakenMessage(school, number));
        if (email is not null && command.EmailTaken) throw new RuleViolation(EmailTakenMessage(school, email));

        return
        [
            new StudentEnrolled(command.StudentId, school.Id, MisId: null, given, family, yearGroup, email, number, StudentSource.Staff,
                command.ActorId, command.At.ToUniversalTime()),
        ];
    }

    private static void EnsureTeacherMayAdd(AddStudent command, IReadOnlyList<(Guid Id, ClassState? Class)> classes)
    {
        if (!command.School.Rules.TeacherStudentCreationAllowed)
            throw new Forbidden($"Teachers may add student accounts only where the school allows it, and {NameOf(command.School)} does not.");
        if (classes.Count == 0)
            throw new Forbidden($"{TeacherAddingRule}: name at least one of your classes in classIds.");
        foreach (var (id, found) in classes)
            if (found is null || found.SchoolId != command.School.Id || !found.TeacherIds.Contains(command.ActorId))
                throw new Forbidden($"{TeacherAddingRule}; class {id} is not one of yours.");
    }
}
