namespace Portal.Billing.Ledger;

/// <summary>
/// A stretch of time during which a student's login was enabled, in one school. To is null while it still is (also in a
/// TermCharge, where intervals are clipped to the term: an open one there means enabled through the term's end).
/// </summary>
public sealed record LoginInterval(Guid SchoolId, DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// The ledger's answer for one student in one term of their organisation (tenant = the organisation): the student is
/// billable in the term, once, on the line of <see cref="SchoolId"/> (the school of their latest interval inside the
/// term), because of <see cref="Intervals"/> (their enabled intervals that overlap the term, clipped to it).
/// A student with no interval in a term has no document for it. Invoices count these documents per school.
/// </summary>
public sealed record TermCharge(
    string Id, Guid OrganisationId, string TermId, Guid StudentId, Guid SchoolId, IReadOnlyList<LoginInterval> Intervals)
{
    public static string IdOf(string termId, Guid studentId) => $"{termId}/{studentId:N}";
}
