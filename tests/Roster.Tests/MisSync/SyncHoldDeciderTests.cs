using Portal.Roster.MisSync;

namespace Portal.Roster.Tests.MisSync;

public class SyncHoldDeciderTests
{
    static readonly Guid Hold = Guid.Parse("40000000-0000-0000-0000-0000000005a1");
    static readonly Guid School = Guid.Parse("5c000000-0000-0000-0000-0000000005c1");
    static readonly Guid Admin = Guid.Parse("ad000000-0000-0000-0000-0000000005c1");
    static readonly DateTimeOffset Roll = new(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset At = new(2026, 9, 7, 9, 30, 0, TimeSpan.Zero);
    static readonly HeldLeaver Leaver = new(Guid.Parse("57000000-0000-0000-0000-0000000005c1"), "S-17", "Ada", "Lovelace", "Y7");

    static HoldSyncRoll HoldIt() => new(Hold, School, Roll, 16, 20, [Leaver], 0.10, Roll.AddMinutes(1));

    static SyncRollHeld Held() => new(Hold, School, Roll, 16, 20, [Leaver], 0.10, Roll.AddMinutes(1));

    static DeciderSpec<SyncHoldState> Given(params object[] events) => DeciderSpec<SyncHoldState>.Given([Held(), .. events]);

    [Fact]
    public void A_roll_is_held_with_what_it_would_do() =>
        DeciderSpec<SyncHoldState>.Given().WhenStarting(s => SyncHold.Decide(HoldIt(), s)).Then(Held());

    [Fact]
    public void Holding_the_same_roll_again_records_nothing() => Given().When(s => SyncHold.Decide(HoldIt(), s)).ThenNothing();

    [Fact]
    public void A_pending_hold_is_applied_by_a_member_of_staff() =>
        Given().When(s => SyncHold.Decide(new ApplySyncHold(Hold, Admin, At), s)).Then(new SyncHoldApplied(Hold, Admin, At));

    [Fact]
    public void A_pending_hold_is_rejected_by_a_member_of_staff() =>
        Given().When(s => SyncHold.Decide(new RejectSyncHold(Hold, Admin, At), s)).Then(new SyncHoldRejected(Hold, Admin, At));

    [Fact]
    public void A_decided_hold_cannot_be_decided_again() =>
        Given(new SyncHoldRejected(Hold, Admin, At)).When(s => SyncHold.Decide(new ApplySyncHold(Hold, Admin, At.AddHours(1)), s))
            .ThenRefused($"Sync hold {Hold} was already rejected at 2026-09-07 09:30:00Z; only a pending hold can be decided.");

    [Fact]
    public void A_newer_full_roll_supersedes_a_pending_hold() =>
        Given().When(s => SyncHold.Decide(new SupersedeSyncHold(Hold, Roll.AddDays(1), At), s))
            .Then(new SyncHoldSuperseded(Hold, Roll.AddDays(1), At));

    [Fact]
    public void An_older_full_roll_does_not_supersede_a_hold() =>
        Given().When(s => SyncHold.Decide(new SupersedeSyncHold(Hold, Roll.AddDays(-1), At), s)).ThenNothing();

    [Fact]
    public void A_decided_hold_is_not_superseded() =>
        Given(new SyncHoldApplied(Hold, Admin, At)).When(s => SyncHold.Decide(new SupersedeSyncHold(Hold, Roll.AddDays(1), At), s)).ThenNothing();

    [Fact]
    public void The_state_says_who_decided_and_when()
    {
        var state = DeciderSpec<SyncHoldState>.StateAfter(Held(), new SyncHoldApplied(Hold, Admin, At));

        Assert.Equal((SyncHoldStatus.Applied, Admin, At, 1), (state.Status, state.DecidedBy, state.DecidedAt, state.WouldLeave.Count));
    }
}
