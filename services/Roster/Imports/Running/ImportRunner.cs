using JasperFx;
using JasperFx.Events;
using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Imports.Planning;
using Portal.Roster.Schools;
using Portal.Roster.Staff;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports;

/// <summary>
/// Runs a queued phase of an import: reads the stored file, decides every row against the roster as it is now, and
/// records the rows in chunks with progress. The dry run writes nothing else; the apply saves each chunk's student
/// and class writes in the same transaction as the chunk's rows, so a run that stops resumes after the last saved
/// chunk, and a second delivery of the same run finds the rows recorded (the import stream's version guards it).
/// </summary>
public sealed class ImportRunner(IDocumentStore store, ILogger<ImportRunner> logger)
{
    public const int ChunkSize = 500;

    public async Task RunAsync(Guid organisation, Guid importId, ImportPhase phase, CancellationToken cancellation)
    {
        var tenant = organisation.ToString();
        ImportState? state;
        ImportFile? file;
        await using (var query = store.QuerySession(tenant))
        {
            state = await query.LoadAsync<ImportState>(importId, cancellation);
            file = await query.LoadAsync<ImportFile>(importId, cancellation);
        }
        if (state is null || !state.Awaits(phase))
            return;
        if (!await TryDecide(tenant, importId, s => Import.Decide(new StartImportPhase(importId, phase, DateTimeOffset.UtcNow), s), cancellation))
            return;
        if (file is null)
        {
            await FailAsync(organisation, importId, phase, "The uploaded file is no longer stored.", cancellation);
            return;
        }

        OneRosterSet set;
        try
        {
            set = OneRosterZip.Read(file.Content);
        }
        catch (ValidationFailed e)
        {
            await FailAsync(organisation, importId, phase, e.Message, cancellation);
            return;
        }
        var plan = await PlanAsync(tenant, organisation, state, set, cancellation);
        var started = DateTimeOffset.UtcNow;
        for (var first = state.Done; first < plan.Rows.Count; first += ChunkSize)
        {
            var rows = plan.Rows.Skip(first).Take(ChunkSize).ToList();
            if (!await RecordChunk(tenant, importId, phase, first, rows, cancellation))
                return;
        }
        if (!await TryDecide(tenant, importId, s => Import.Decide(new FinishImportPhase(importId, phase, plan.StaffRows, DateTimeOffset.UtcNow), s),
                cancellation))
            return;
        logger.LogInformation("Import {Import} in organisation {Organisation}: {Phase} of {Rows} rows finished in {Seconds:F1} s",
            importId, organisation, phase, plan.Rows.Count, (DateTimeOffset.UtcNow - started).TotalSeconds);
    }

    public Task FailAsync(Guid organisation, Guid importId, ImportPhase phase, string reason, CancellationToken cancellation)
    {
        logger.LogWarning("Import {Import} in organisation {Organisation}: {Phase} failed: {Reason}", importId, organisation, phase, reason);
        return TryDecide(organisation.ToString(), importId, s => Import.Decide(new FailImport(importId, phase, reason, DateTimeOffset.UtcNow), s),
            cancellation);
    }

    private async Task<ImportPlanResult> PlanAsync(string tenant, Guid organisation, ImportState state, OneRosterSet set, CancellationToken cancellation)
    {
        await using var query = store.QuerySession(tenant);
        var eventActor = state.Phase == ImportPhase.Apply ? state.AppliedBy ?? state.Actor.Id : state.Actor.Id;
        var context = new ImportContext(organisation, state.Actor, eventActor,
            await query.Query<KnownSchool>().ToListAsync(cancellation), await query.Query<KnownStaff>().ToListAsync(cancellation),
            new Dictionary<Guid, StudentState>(), new Dictionary<Guid, ClassState>(), DateTimeOffset.UtcNow);
        var (studentIds, classIds) = ImportPlan.Referenced(set, context);
        var students = await query.LoadManyAsync<StudentState>(cancellation, studentIds);
        var classes = await query.LoadManyAsync<ClassState>(cancellation, classIds);
        return ImportPlan.Decide(set, context with
        {
            Students = students.ToDictionary(s => s.Id), Classes = classes.ToDictionary(c => c.Id),
        });
    }

    /// <summary>One chunk: its writes (when applying) and its rows, in one transaction. False when another run recorded them.</summary>
    private async Task<bool> RecordChunk(string tenant, Guid importId, ImportPhase phase, int first, IReadOnlyList<PlannedRow> rows,
        CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(tenant);
        var import = await session.Events.FetchForWriting<ImportState>(importId, cancellation);
        if (import.Aggregate is not { } state || !state.Awaits(phase) || state.Done != first)
            return false;
        var results = new List<ImportRowResult>(rows.Count);
        foreach (var row in rows)
            results.Add(phase == ImportPhase.Apply && row.Write is { } write
                ? await ImportWrites.WriteAsync(session, write, row.Result, cancellation)
                : row.Result);
        import.AppendMany(Import.Decide(new RecordImportRows(importId, phase, first, results, DateTimeOffset.UtcNow), state));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (IsLostRace(e))
        {
            // Another delivery of the run recorded these rows first: it carries on. Otherwise a student or class changed
            // under the chunk, and the run is retried to decide them again.
            await using var query = store.QuerySession(tenant);
            if ((await query.LoadAsync<ImportState>(importId, cancellation))?.Done != first) return false;
            throw;
        }
        return true;
    }

    private async Task<bool> TryDecide(string tenant, Guid importId, Func<ImportState, object[]> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(tenant);
        var import = await session.Events.FetchForWriting<ImportState>(importId, cancellation);
        if (import.Aggregate is null) return false;
        try
        {
            import.AppendMany(decide(import.Aggregate));
        }
        catch (RuleViolation)
        {
            // Another delivery of the run moved the import on; it carries on from there.
            return false;
        }
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (IsLostRace(e))
        {
            return false;
        }
        return true;
    }

    private static bool IsLostRace(Exception e) => e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException;
}
