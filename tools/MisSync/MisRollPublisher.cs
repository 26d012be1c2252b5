using Portal.MisSync.OneRoster;
using Portal.Roster.Contracts;

namespace Portal.MisSync;

/// <summary>What to publish: a school's roll from a OneRoster 1.1 CSV folder.</summary>
/// <param name="FullRoll">The folder is the school's whole roll: students missing from it have left. All students then go
/// in one batch, whatever <paramref name="BatchSize"/> says, since a full roll must be one message.</param>
/// <param name="OrgSourcedId">Only rows of this OneRoster org, for a folder exported for many schools.</param>
public sealed record MisRollRequest(
    Guid Organisation, Guid School, string Folder, bool FullRoll = false, int BatchSize = 500, string? OrgSourcedId = null,
    DateTimeOffset? SyncedAt = null);

/// <summary>What was published, in counts (never names).</summary>
public sealed record PublishedRoll(int StudentBatches, int Students, int StudentsLeft, int Classes, IReadOnlyList<string> Skipped)
{
    public override string ToString() =>
        $"Published {Students} students ({StudentsLeft} as left) in {StudentBatches} batch(es) and {Classes} class(es); skipped {Skipped.Count} row(s).";
}

/// <summary>Reads a school's roll from OneRoster CSVs and publishes it as an MIS producer would: students first, then classes.</summary>
public sealed class MisRollPublisher(Uri rabbitMq)
{
    public async Task<PublishedRoll> PublishFolderAsync(MisRollRequest request, CancellationToken cancellation = default)
    {
        if (request.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "The batch size must be at least 1.");
        var syncedAt = request.SyncedAt ?? DateTimeOffset.UtcNow;
        var roll = OneRosterRoll.Read(request.Folder, request.OrgSourcedId, DateOnly.FromDateTime(syncedAt.UtcDateTime));
        var batches = request.FullRoll ? [roll.Students] : roll.Students.Chunk(request.BatchSize).Select(b => (IReadOnlyList<MisStudentRecord>)b).ToList();

        await using var publisher = await MisMessagePublisher.ConnectAsync(rabbitMq, cancellation);
        foreach (var batch in batches)
            await publisher.PublishAsync(new MisStudentsBatchSynced(request.Organisation, request.School, request.FullRoll, batch, syncedAt),
                cancellation: cancellation);
        foreach (var @class in roll.Classes)
            await publisher.PublishAsync(new MisClassSynced(request.Organisation, request.School, @class.SourcedId, @class.Title, @class.Subject,
                @class.Active, @class.StudentSourcedIds, @class.TeacherEmails, syncedAt), cancellation: cancellation);
        return new PublishedRoll(batches.Count, roll.Students.Count, roll.Students.Count(s => s.DateLeft is not null), roll.Classes.Count,
            roll.Skipped);
    }
}
