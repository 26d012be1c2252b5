using JasperFx.Events;
using Portal.Roster.Students;

namespace Portal.Roster.MisSync;

/// <summary>One student's stream and the events a record decided for it (none when nothing changed).</summary>
public sealed record StudentDecision(IEventStream<StudentState> Stream, object[] Events)
{
    /// <summary>An active student whom this decision marks as left.</summary>
    public bool Leaves => Stream.Aggregate is { Active: true } && Events.OfType<StudentLeft>().Any();
}

/// <summary>What a batch of student records would do; <see cref="Stale"/> records were not newer than what was applied.</summary>
public sealed record RollPlan(IReadOnlyList<StudentDecision> Decisions, int Stale, int TotalActive)
{
    public IReadOnlyList<StudentState> WouldLeave => Decisions.Where(d => d.Leaves).Select(d => d.Stream.Aggregate!).ToList();

    public int Enrolled => Decisions.Count(d => d.Events.OfType<StudentEnrolled>().Any());

    public int Left => Decisions.Count(d => d.Events.OfType<StudentLeft>().Any());

    public int Changed => Decisions.Count(d => d.Events.Length > 0 && !d.Events.OfType<StudentEnrolled>().Any() && !d.Events.OfType<StudentLeft>().Any());

    public int Unchanged => Decisions.Count(d => d.Events.Length == 0);

    /// <summary>The share of the school's active students the plan would mark as left.</summary>
    public double LeaverShare => TotalActive == 0 ? 0 : (double)WouldLeave.Count / TotalActive;
}
