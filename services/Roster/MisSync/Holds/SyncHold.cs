using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>
/// The held-roll decider: the sync guard holds a full roll that would mark too many students as left; a member of
/// staff applies or rejects it, or a newer full roll supersedes it. Only a pending hold can be decided.
/// </summary>
public static partial class SyncHold
{
    public static string NotFound(Guid hold) => $"Sync hold {hold} was not found.";

    private static void EnsurePending(SyncHoldState state)
    {
        if (state.Status != SyncHoldStatus.Pending)
            throw new RuleViolation(
                $"Sync hold {state.Id} was already {state.Status.ToString().ToLowerInvariant()}{(state.DecidedAt is { } at ? $" at {at:u}" : "")}; only a pending hold can be decided.");
    }
}
