namespace Portal.Identity.Students.StartCards.Codes;

// Events on the student-account stream (stream id = the student's Roster id, tenant = their organisation), beside the
// login decisions. The plain code never appears in an event: only its salted hash.

/// <summary>
/// A start card was printed: a new setup code, which replaces any earlier one (that one stops working).
/// <see cref="IssuedBy"/> is the member of staff (or operator) who printed it.
/// </summary>
public sealed record StudentSetupCodeIssued(
    Guid StudentId, Guid OrganisationId, Guid SchoolId, string CodeHash, DateTimeOffset ExpiresAt, Guid IssuedBy, DateTimeOffset At);

/// <summary>The student set their password with the code; it works no more.</summary>
public sealed record StudentSetupCodeUsed(Guid StudentId, Guid OrganisationId, DateTimeOffset At);
