using MassTransit;

namespace Portal.Roster.Imports;

/// <summary>
/// Roster's own message to its import job consumer: run the phase of the import (published from the committed
/// <see cref="ImportPhaseQueued"/> event by <see cref="ImportDispatcher"/>, so a queued phase is never lost).
/// </summary>
public sealed record RunImport(Guid OrganisationId, Guid ImportId, ImportPhase Phase);

public sealed class RunImportConsumer(ImportRunner runner) : IConsumer<RunImport>
{
    public Task Consume(ConsumeContext<RunImport> context) =>
        runner.RunAsync(context.Message.OrganisationId, context.Message.ImportId, context.Message.Phase, context.CancellationToken);
}

/// <summary>An import is heavy work: a replica runs two at a time; the others wait in the queue.</summary>
public sealed class RunImportConsumerDefinition : ConsumerDefinition<RunImportConsumer>
{
    public RunImportConsumerDefinition() => ConcurrentMessageLimit = 2;
}

/// <summary>A run that still fails after its retries leaves its import failed with the reason, not running for ever.</summary>
public sealed class RunImportFaultConsumer(ImportRunner runner) : IConsumer<Fault<RunImport>>
{
    public Task Consume(ConsumeContext<Fault<RunImport>> context)
    {
        var run = context.Message.Message;
        var error = context.Message.Exceptions.FirstOrDefault()?.Message ?? "an unknown error";
        return runner.FailAsync(run.OrganisationId, run.ImportId, run.Phase, $"The import stopped after repeated errors: {error}",
            context.CancellationToken);
    }
}
