namespace Portal.Roster.Classes;

/// <summary>
/// A class or group of a school, with its teachers (staff account ids) and students (student ids). Marten keeps it
/// as an inline snapshot through the public Create/Apply methods; never mutate one fetched from Marten.
/// </summary>
public sealed record ClassState(
    Guid Id,
    Guid SchoolId,
    string? MisClassId,
    string Name,
    string? Subject,
    bool Active,
    ClassSource Source,
    IReadOnlyList<Guid> TeacherIds,
    IReadOnlyList<string> AwaitedTeacherEmails,
    IReadOnlyList<Guid> StudentIds,
    bool AvatarBuildingRestricted,
    bool AccessoryPurchasesRestricted)
{
    public static ClassState Create(ClassCreated e) => new(
        e.ClassId, e.SchoolId, e.MisClassId, e.Name, e.Subject, Active: true, e.Source, TeacherIds: [], AwaitedTeacherEmails: [],
        StudentIds: [], AvatarBuildingRestricted: false, AccessoryPurchasesRestricted: false);

    public ClassState Apply(ClassRenamed e) => this with { Name = e.Name, Subject = e.Subject };

    public ClassState Apply(ClassActivated e) => this with { Active = true };

    public ClassState Apply(ClassDeactivated e) => this with { Active = false };

    public ClassState Apply(TeacherAssignedToClass e) =>
        this with { TeacherIds = [.. TeacherIds.Where(t => t != e.TeacherId), e.TeacherId] };

    public ClassState Apply(TeacherUnassignedFromClass e) => this with { TeacherIds = TeacherIds.Where(t => t != e.TeacherId).ToList() };

    public ClassState Apply(TeacherAwaitingAccount e) =>
        this with { AwaitedTeacherEmails = [.. AwaitedTeacherEmails.Where(m => m != e.Email), e.Email] };

    public ClassState Apply(TeacherNoLongerAwaited e) =>
        this with { AwaitedTeacherEmails = AwaitedTeacherEmails.Where(m => m != e.Email).ToList() };

    public ClassState Apply(StudentAddedToClass e) =>
        this with { StudentIds = [.. StudentIds.Where(s => s != e.StudentId), e.StudentId] };

    public ClassState Apply(StudentRemovedFromClass e) => this with { StudentIds = StudentIds.Where(s => s != e.StudentId).ToList() };

    public ClassState Apply(ClassAvatarRestrictionsSet e) =>
        this with { AvatarBuildingRestricted = e.AvatarBuildingRestricted, AccessoryPurchasesRestricted = e.AccessoryPurchasesRestricted };
}
