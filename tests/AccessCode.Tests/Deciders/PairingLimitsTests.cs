using Portal.AccessCode.Pairing;

namespace Portal.AccessCode.Tests.Deciders;

public sealed class PairingLimitsTests
{
    static readonly string Key = PairingLimits.ForGuardian(Guid.Parse("7d000000-0000-4000-8000-000000000004"));
    static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    static object[] Failures(int count, TimeSpan apart) =>
        Enumerable.Range(0, count).Select(i => (object)new PairingAttemptFailed(Key, Start + apart * i)).ToArray();

    static Func<PairingAttemptsState, IEnumerable<object>> FailAt(DateTimeOffset at) =>
        state => PairingLimits.Decide(new RecordFailedPairing(Key, at), state);

    [Fact]
    public void The_first_failure_is_counted() =>
        DeciderSpec<PairingAttemptsState>.Given()
            .WhenStarting(state => PairingLimits.Decide(new RecordFailedPairing(Key, Start), state))
            .Then(new PairingAttemptFailed(Key, Start));

    [Fact]
    public void The_fifth_failure_within_fifteen_minutes_locks_pairing_for_fifteen_minutes()
    {
        var fifth = Start.AddMinutes(12);
        DeciderSpec<PairingAttemptsState>.Given(Failures(4, TimeSpan.FromMinutes(3)))
            .When(FailAt(fifth))
            .Then(new PairingAttemptFailed(Key, fifth), new PairingLocked(Key, fifth.AddMinutes(15), fifth));
    }

    [Fact]
    public void Failures_older_than_the_window_no_longer_count()
    {
        var later = Start.AddMinutes(20);
        DeciderSpec<PairingAttemptsState>.Given(Failures(4, TimeSpan.FromMinutes(1)))
            .When(FailAt(later))
            .Then(new PairingAttemptFailed(Key, later));
    }

    [Fact]
    public void While_locked_further_attempts_change_nothing_and_say_when_to_retry()
    {
        var locked = new PairingLocked(Key, Start.AddMinutes(19), Start.AddMinutes(4));
        var state = DeciderSpec<PairingAttemptsState>.StateAfter([.. Failures(5, TimeSpan.FromMinutes(1)), locked]);

        DeciderSpec<PairingAttemptsState>.Given([.. Failures(5, TimeSpan.FromMinutes(1)), locked])
            .When(FailAt(Start.AddMinutes(10)))
            .ThenNothing();
        Assert.Equal(Start.AddMinutes(19), PairingLimits.RetryAfter(state, Start.AddMinutes(10)));
        Assert.Null(PairingLimits.RetryAfter(state, Start.AddMinutes(19)));
    }

    [Fact]
    public void After_the_lockout_counting_starts_again()
    {
        var locked = new PairingLocked(Key, Start.AddMinutes(19), Start.AddMinutes(4));
        var after = Start.AddMinutes(20);
        DeciderSpec<PairingAttemptsState>.Given([.. Failures(5, TimeSpan.FromMinutes(1)), locked])
            .When(FailAt(after))
            .Then(new PairingAttemptFailed(Key, after));
    }
}
