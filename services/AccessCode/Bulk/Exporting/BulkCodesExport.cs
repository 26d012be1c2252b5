using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;

namespace Portal.AccessCode.Bulk.Exporting;

/// <summary>
/// The rows of a job's export, in the job's letter order, each with the student's code as it is now (a later reset
/// shows the new one). A student without a working code (none issued, or left since) gets an empty code.
/// </summary>
public static class BulkCodesExport
{
    public static async Task<IReadOnlyList<AccessCodeRow>> RowsAsync(
        IQuerySession session, AccessCodeSecrets secrets, BulkCodeJob job, KnownSchool school, string signUpUrl,
        CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var studentsLoad = batch.LoadMany<KnownStudent>().ById(job.StudentIds.ToArray());
        var codesLoad = batch.LoadMany<AccessCodeState>().ById(job.StudentIds.ToArray());
        await batch.Execute(cancellation);
        var students = (await studentsLoad).ToDictionary(s => s.Id);
        var codes = (await codesLoad).ToDictionary(c => c.Id);

        var rows = new List<AccessCodeRow>(job.StudentIds.Count);
        foreach (var id in job.StudentIds)
        {
            // Roster copies are never removed, only marked; a missing one would mean the store was tampered with.
            if (!students.TryGetValue(id, out var student)) continue;
            var code = codes.GetValueOrDefault(id) is { Code: { } current, StudentLeft: false } && !student.Gone
                ? secrets.Open(current, id)
                : "";
            rows.Add(new AccessCodeRow(id, student.MisId, student.FamilyName, student.GivenName, student.YearGroup, school.Name, code, signUpUrl));
        }
        return rows;
    }
}
