namespace Portal.Roster.Students;

// The events of a student's stream. ActorId is the member of staff who made the change; null when the school's
// MIS sync made it. Every slice that changes a student appends these, so they live together.

public enum StudentSource { Mis, Staff, Import }

public sealed record StudentEnrolled(
    Guid StudentId, Guid SchoolId, string? MisId, string GivenName, string FamilyName, string YearGroup, string? Email,
    string? StudentInformationNumber, StudentSource Source, Guid? ActorId, DateTimeOffset At);

public sealed record StudentDetailsChanged(
    Guid StudentId, string GivenName, string FamilyName, string? StudentInformationNumber, Guid? ActorId, DateTimeOffset At);

public sealed record StudentEmailChanged(Guid StudentId, string? Email, Guid? ActorId, DateTimeOffset At);

public sealed record StudentYearGroupChanged(Guid StudentId, string YearGroup, Guid? ActorId, DateTimeOffset At);

public sealed record StudentLeft(Guid StudentId, DateOnly DateLeft, Guid? ActorId, DateTimeOffset At);

/// <summary>A student who had left (or been deleted) is on the roll again.</summary>
public sealed record StudentReturned(Guid StudentId, Guid? ActorId, DateTimeOffset At);

public sealed record StudentMovedToSchool(Guid StudentId, Guid FromSchoolId, Guid ToSchoolId, Guid ActorId, DateTimeOffset At);

/// <summary>An inactive (left) student removed from the school's lists. The history stays.</summary>
public sealed record StudentDeleted(Guid StudentId, Guid ActorId, DateTimeOffset At);

/// <summary>The whole set of products (apps) the student may open from the portal.</summary>
public sealed record StudentProductsAssigned(Guid StudentId, IReadOnlyList<string> ProductIds, Guid ActorId, DateTimeOffset At);
