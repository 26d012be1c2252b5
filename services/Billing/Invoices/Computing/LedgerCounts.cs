using Marten;
using Portal.Billing.Ledger;

namespace Portal.Billing.Invoices.Computing;

/// <summary>
/// How many students the ledger bills per school, counted in PostgreSQL (GROUP BY over the TermCharge table, using its
/// TermId index) so a term of 100,000 students never travels to the service as documents.
/// </summary>
public static class LedgerCounts
{
    /// <summary>One row of the count: the organisation (tenant), term, school and its billable students.</summary>
    public sealed record SchoolCount(string TenantId, string TermId, Guid SchoolId, long Students);

    /// <summary>The session's organisation: students per school, for each of the terms.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, long>>> ByTermAsync(
        IQuerySession session, IReadOnlyCollection<string> termIds, CancellationToken cancellation)
    {
        if (termIds.Count == 0) return new Dictionary<string, IReadOnlyDictionary<Guid, long>>();
        var rows = await session.AdvancedSql.QueryAsync<SchoolCount>(
            Sql(session, "d.tenant_id = ? and d.data ->> 'TermId' = any(?)"), cancellation, session.TenantId, termIds.ToArray());
        return rows.GroupBy(r => r.TermId).ToDictionary(g => g.Key, g => Students(g));
    }

    /// <summary>Every organisation's students per school in the term (for finance), keyed by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<Guid, long>>> OfEveryOrganisationAsync(
        IQuerySession session, string termId, CancellationToken cancellation)
    {
        var rows = await session.AdvancedSql.QueryAsync<SchoolCount>(Sql(session, "d.data ->> 'TermId' = ?"), cancellation, termId);
        return rows.GroupBy(r => Guid.Parse(r.TenantId)).ToDictionary(g => g.Key, g => Students(g));
    }

    private static IReadOnlyDictionary<Guid, long> Students(IEnumerable<SchoolCount> rows) =>
        rows.ToDictionary(r => r.SchoolId, r => r.Students);

    private static string Sql(IQuerySession session, string where)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TermCharge)).TableName.QualifiedName;
        // Materialised first, so only the three keys are grouped (a hash of them), never the documents themselves.
        return $"""
            with charge as materialized (
                select d.tenant_id, d.data ->> 'TermId' as term_id, d.data ->> 'SchoolId' as school_id
                from {table} d where {where})
            select jsonb_build_object('TenantId', tenant_id, 'TermId', term_id, 'SchoolId', school_id, 'Students', count(*))
            from charge group by tenant_id, term_id, school_id
            """;
    }
}
