namespace Portal.AccessCode.Students;

/// <summary>A student as Roster last described them (RosterStudentChanged), kept for scopes, selections and letters.</summary>
public sealed record KnownStudent(
    Guid Id, Guid SchoolId, string? MisId, string GivenName, string FamilyName, string YearGroup, bool Left, bool Deleted, long Version)
{
    public string Name => $"{GivenName} {FamilyName}";

    /// <summary>Gone from the school for access-code purposes: left, or deleted in Roster.</summary>
    public bool Gone => Left || Deleted;
}

/// <summary>A class as Roster last described it (ClassChanged): its teachers reach its students.</summary>
public sealed record KnownClass(
    Guid Id, Guid SchoolId, string Name, bool Active, IReadOnlyList<Guid> TeacherIds, IReadOnlyList<Guid> StudentIds, long Version);

/// <summary>A school as Institution described it (InstitutionRegistered): its name and code go on letters.</summary>
public sealed record KnownSchool(Guid Id, string Name, string Code, long Revision);
