using Portal.ServiceDefaults.Http;

namespace Portal.AccessCode.Bulk.Getting;

public sealed record BulkJobLinks(string Self, string Letters, string Csv);

/// <summary>A bulk request as its caller sees it: the selection, the students covered in letter order, the counts.</summary>
public sealed record BulkJobView(
    Guid Id,
    Guid SchoolId,
    IReadOnlyList<string> YearGroups,
    Guid? ClassId,
    BulkMode Mode,
    IReadOnlyList<Guid> Students,
    int Issued,
    int Reset,
    int Unchanged,
    Guid ActorId,
    DateTimeOffset At,
    BulkJobLinks Links)
{
    public static BulkJobView Of(BulkCodeJob job, HttpContext http) =>
        new(job.Id, job.SchoolId, job.YearGroups, job.ClassId, job.Mode, job.StudentIds, job.Issued, job.Reset, job.Unchanged,
            job.ActorId, job.At,
            new BulkJobLinks(http.LinkTo(PathOf(job.Id)), http.LinkTo($"{PathOf(job.Id)}/letters.pdf"), http.LinkTo($"{PathOf(job.Id)}/codes.csv")));

    public static string PathOf(Guid job) => $"/bulk/{job}";
}
