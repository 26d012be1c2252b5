using Marten;

namespace Portal.AccessCode.Codes;

/// <summary>
/// Where a code leads: its keyed hash → the organisation and student. Kept outside any tenant, because a guardian who
/// enters a code belongs to no organisation. Replaced codes keep their entry, so pairing can say "replaced by a newer
/// code" rather than "no such code".
/// </summary>
public sealed record CodeLookupEntry(string Id, Guid OrganisationId, Guid StudentId, DateTimeOffset IssuedAt);

public static class CodeLookup
{
    public static void Configure(StoreOptions options) => options.Schema.For<CodeLookupEntry>().SingleTenanted();

    /// <summary>
    /// Records the lookup entry of every code the events issue, in the session that appends them (one transaction). An
    /// insert, never an upsert: a hash that already leads somewhere is never re-pointed (the save fails instead).
    /// </summary>
    public static void RecordCodesOf(IDocumentSession session, IEnumerable<object> events)
    {
        var organisation = Guid.Parse(session.TenantId);
        foreach (var e in events)
        {
            switch (e)
            {
                case AccessCodeIssued issued:
                    session.Insert(new CodeLookupEntry(issued.CodeHash, organisation, issued.StudentId, issued.At));
                    break;
                case AccessCodeReset reset:
                    session.Insert(new CodeLookupEntry(reset.CodeHash, organisation, reset.StudentId, reset.At));
                    break;
            }
        }
    }
}
