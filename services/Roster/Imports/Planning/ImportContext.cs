using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.Schools;
using Portal.Roster.Staff;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;

namespace Portal.Roster.Imports.Planning;

/// <summary>
/// What a phase decides its rows against, read once before it runs: the organisation's schools and staff as Roster
/// knows them, and the students and classes the file names (by their derived ids) as they are now.
/// </summary>
/// <param name="Actor">The uploader and the scope they had, which bounds every row.</param>
/// <param name="EventActor">Who the written events name: the uploader in the dry run, whoever applied it in the apply.</param>
public sealed record ImportContext(
    Guid Organisation,
    ImportActor Actor,
    Guid EventActor,
    IReadOnlyList<KnownSchool> Schools,
    IReadOnlyList<KnownStaff> Staff,
    IReadOnlyDictionary<Guid, StudentState> Students,
    IReadOnlyDictionary<Guid, ClassState> Classes,
    DateTimeOffset At)
{
    /// <summary>Teachers: only their own classes and the students in them.</summary>
    public bool ClassScoped => Actor.Scope < Scope.OwnInstitution;

    public bool ReachesSchool(Guid school) => Actor.Scope == Scope.Organisation || Actor.Institutions.Contains(school);
}

/// <summary>A row's decision and, when it changes a student or class, the write that the apply makes.</summary>
public sealed record PlannedRow(ImportRowResult Result, PlannedWrite? Write = null);

public abstract record PlannedWrite(Guid StreamId, bool Exists);

public sealed record StudentWrite(SyncStudent Command, bool Exists) : PlannedWrite(Command.StudentId, Exists);

public sealed record ClassWrite(SyncClass Command, bool Exists) : PlannedWrite(Command.ClassId, Exists);

/// <summary>Every row in report order (orgs, users, classes, enrollments) and the staff rows for Identity.</summary>
public sealed record ImportPlanResult(IReadOnlyList<PlannedRow> Rows, IReadOnlyList<ImportedStaffRow> StaffRows);
