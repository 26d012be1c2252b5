using Portal.Roster.Contracts;
using Portal.Roster.Imports;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Tests.Imports;

public sealed class ImportDeciderTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly ImportActor Uploader = new(Guid.NewGuid(), StaffType.BuildingAdministrator, [Guid.NewGuid()], Scope.OwnInstitution);
    private static readonly Guid Applier = Guid.NewGuid();

    private static ImportRowResult Row(int row) => new("users.csv", row, $"s-{row}", RowOutcome.Created);

    private static readonly object[] Uploaded =
        [new ImportUploaded(Id, "roll.zip", "ab", 10, 2, Uploader, At), new ImportPhaseQueued(Id, ImportPhase.DryRun, Uploader.Id, At)];

    private static readonly object[] DryRunDone =
    [
        .. Uploaded, new ImportPhaseStarted(Id, ImportPhase.DryRun, At), new ImportRowsProcessed(Id, ImportPhase.DryRun, 0, [Row(2), Row(3)], At),
        new ImportPhaseFinished(Id, ImportPhase.DryRun, At),
    ];

    private static readonly object[] Applying =
        [.. DryRunDone, new ImportPhaseQueued(Id, ImportPhase.Apply, Applier, At), new ImportPhaseStarted(Id, ImportPhase.Apply, At)];

    [Fact]
    public void An_upload_queues_its_dry_run_with_the_file_name_alone() =>
        DeciderSpec<ImportState>.Given()
            .WhenStarting(state => Import.Decide(new UploadImport(Id, "C:\\exports\\roll.zip ", "ab", 10, 2, Uploader, At), state))
            .Then(Uploaded.Select(e => e is ImportUploaded u ? u with { FileName = "roll.zip" } : e).ToArray());

    [Fact]
    public void A_finished_dry_run_is_ready_to_apply_with_its_totals()
    {
        var state = DeciderSpec<ImportState>.StateAfter(DryRunDone);

        Assert.Equal((ImportStatus.ReadyToApply, 2, new ImportCounts(2, 0, 0, 0, 0)), (state.Status, state.Done, state.DryRun));
    }

    [Fact]
    public void Applying_a_ready_dry_run_queues_the_apply() =>
        DeciderSpec<ImportState>.Given(DryRunDone)
            .When(state => Import.Decide(new ApplyImport(Id, Applier, At), state))
            .Then(new ImportPhaseQueued(Id, ImportPhase.Apply, Applier, At));

    [Fact]
    public void Applying_before_the_dry_run_has_finished_is_refused() =>
        DeciderSpec<ImportState>.Given(Uploaded)
            .When(state => Import.Decide(new ApplyImport(Id, Applier, At), state))
            .ThenRefused($"Import {Id} is queued for its dry run; only a finished dry run can be applied.");

    [Fact]
    public void Applying_twice_is_refused() =>
        DeciderSpec<ImportState>.Given(Applying)
            .When(state => Import.Decide(new ApplyImport(Id, Applier, At), state))
            .ThenRefused($"Import {Id} is being applied; only a finished dry run can be applied.");

    [Fact]
    public void Rows_already_recorded_are_not_recorded_again() =>
        DeciderSpec<ImportState>.Given([.. Applying, new ImportRowsProcessed(Id, ImportPhase.Apply, 0, [Row(2)], At)])
            .When(state => Import.Decide(new RecordImportRows(Id, ImportPhase.Apply, 0, [Row(2)], At), state))
            .ThenRefused($"Import {Id} has recorded 1 rows; rows from 0 cannot follow.");

    [Fact]
    public void Starting_a_phase_that_has_started_changes_nothing() =>
        DeciderSpec<ImportState>.Given(Applying)
            .When(state => Import.Decide(new StartImportPhase(Id, ImportPhase.Apply, At), state))
            .ThenNothing();

    [Fact]
    public void A_phase_finishes_only_when_every_row_is_recorded() =>
        DeciderSpec<ImportState>.Given(Applying)
            .When(state => Import.Decide(new FinishImportPhase(Id, ImportPhase.Apply, [], At), state))
            .ThenRefused($"Import {Id} has recorded 0 of its 2 rows; it cannot finish yet.");

    [Fact]
    public void A_finished_apply_hands_its_staff_rows_to_identity_with_the_uploader_as_actor()
    {
        ImportedStaffRow staff = new(4, "t-1", "active", "true", Guid.NewGuid().ToString(), "teacher", "Tom", "Hardy", "tom@school.example");

        DeciderSpec<ImportState>.Given([.. Applying, new ImportRowsProcessed(Id, ImportPhase.Apply, 0, [Row(2), Row(3)], At)])
            .When(state => Import.Decide(new FinishImportPhase(Id, ImportPhase.Apply, [staff], At), state))
            .Then(new ImportStaffRowsHandedOver(Id, Uploader, [staff], At), new ImportPhaseFinished(Id, ImportPhase.Apply, At));
    }

    [Fact]
    public void A_failure_after_the_phase_finished_changes_nothing() =>
        DeciderSpec<ImportState>.Given(DryRunDone)
            .When(state => Import.Decide(new FailImport(Id, ImportPhase.DryRun, "broken", At), state))
            .ThenNothing();

    [Fact]
    public void A_failure_while_running_leaves_the_import_failed_with_the_reason()
    {
        var state = DeciderSpec<ImportState>.StateAfter([.. Applying, new ImportFailed(Id, ImportPhase.Apply, "The import stopped.", At)]);

        Assert.Equal((ImportStatus.Failed, "The import stopped."), (state.Status, state.Failure));
    }
}
