namespace Portal.Roster.Students;

/// <summary>
/// A student on a school's roll. Marten keeps it as an inline snapshot (the lists query it) through the public
/// Create/Apply methods; never mutate one fetched from Marten.
/// </summary>
public sealed record StudentState(
    Guid Id,
    Guid SchoolId,
    string? MisId,
    string GivenName,
    string FamilyName,
    string YearGroup,
    string? Email,
    string? StudentInformationNumber,
    DateOnly? DateLeft,
    bool Deleted,
    StudentSource Source,
    IReadOnlyList<string> Products,
    DateTimeOffset EnrolledAt)
{
    /// <summary>Left students are inactive: they keep their history, lose their login, and may be deleted.</summary>
    public bool Active => DateLeft is null && !Deleted;

    public static StudentState Create(StudentEnrolled e) => new(
        e.StudentId, e.SchoolId, e.MisId, e.GivenName, e.FamilyName, e.YearGroup, e.Email, e.StudentInformationNumber,
        DateLeft: null, Deleted: false, e.Source, Products: [], e.At);

    public StudentState Apply(StudentDetailsChanged e) =>
        this with { GivenName = e.GivenName, FamilyName = e.FamilyName, StudentInformationNumber = e.StudentInformationNumber };

    public StudentState Apply(StudentEmailChanged e) => this with { Email = e.Email };

    public StudentState Apply(StudentYearGroupChanged e) => this with { YearGroup = e.YearGroup };

    public StudentState Apply(StudentLeft e) => this with { DateLeft = e.DateLeft };

    public StudentState Apply(StudentReturned e) => this with { DateLeft = null, Deleted = false };

    public StudentState Apply(StudentMovedToSchool e) => this with { SchoolId = e.ToSchoolId };

    public StudentState Apply(StudentDeleted e) => this with { Deleted = true };

    public StudentState Apply(StudentProductsAssigned e) => this with { Products = e.ProductIds };
}
