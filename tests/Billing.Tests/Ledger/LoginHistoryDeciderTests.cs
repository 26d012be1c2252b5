using Portal.Billing.Ledger.History;

namespace Portal.Billing.Tests.Ledger;

public sealed class LoginHistoryDeciderTests
{
    private static readonly Guid Student = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();
    private static readonly DateTimeOffset Monday = new(2026, 9, 7, 8, 0, 0, TimeSpan.Zero);

    private static RecordLoginTransition Enable(long version, DateTimeOffset at) => new(Student, School, true, null, version, at);

    private static RecordLoginTransition Disable(long version, DateTimeOffset at) => new(Student, School, false, "left", version, at);

    [Fact]
    public void A_first_transition_starts_the_history() =>
        DeciderSpec<LoginHistoryState>.Given()
            .WhenStarting(state => LoginHistory.Decide(Enable(1, Monday), state))
            .Then(new LoginEnabledRecorded(Student, School, 1, Monday));

    [Fact]
    public void A_version_already_recorded_changes_nothing_so_a_duplicate_never_adds_an_interval() =>
        DeciderSpec<LoginHistoryState>.Given(new LoginEnabledRecorded(Student, School, 1, Monday), new LoginDisabledRecorded(Student, School, "left", 2, Monday.AddDays(1)))
            .When(state => LoginHistory.Decide(Enable(1, Monday), state))
            .ThenNothing();

    [Fact]
    public void A_disable_is_recorded_with_its_reason_in_utc() =>
        DeciderSpec<LoginHistoryState>.Given(new LoginEnabledRecorded(Student, School, 1, Monday))
            .When(state => LoginHistory.Decide(Disable(2, Monday.ToOffset(TimeSpan.FromHours(1))), state))
            .Then(new LoginDisabledRecorded(Student, School, "left", 2, Monday));

    [Fact]
    public void A_late_older_version_is_recorded_and_slots_into_version_order()
    {
        DeciderSpec<LoginHistoryState>.Given(new LoginDisabledRecorded(Student, School, "left", 3, Monday.AddDays(2)))
            .When(state => LoginHistory.Decide(Enable(2, Monday), state))
            .Then(new LoginEnabledRecorded(Student, School, 2, Monday));

        var state = DeciderSpec<LoginHistoryState>.StateAfter(
            new LoginDisabledRecorded(Student, School, "left", 3, Monday.AddDays(2)), new LoginEnabledRecorded(Student, School, 2, Monday));
        Assert.Equal([2L, 3L], state.Transitions.Select(t => t.Version));
        Assert.Equal(Student, state.Id);
    }

    [Fact]
    public void A_version_below_one_is_refused_as_not_from_identity() =>
        DeciderSpec<LoginHistoryState>.Given()
            .WhenStarting(state => LoginHistory.Decide(Enable(0, Monday), state))
            .ThenInvalid("Version", "Identity's account versions start at 1; got 0.");
}
