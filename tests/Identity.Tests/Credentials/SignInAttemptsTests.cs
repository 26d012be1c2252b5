using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Problems;
using static Portal.Identity.Tests.Credentials.History;

namespace Portal.Identity.Tests.Credentials;

public class SignInAttemptsTests
{
    static SignInFailed FailedAt(int secondsAfterNow) => new(AccountId, Now.AddSeconds(secondsAfterNow));

    static object[] Failures(int count) => Enumerable.Range(0, count).Select(i => (object)FailedAt(i * 10)).ToArray();

    static readonly DateTimeOffset AfterFailures = Now.AddMinutes(1);

    [Fact]
    public void The_fourth_consecutive_failure_does_not_lock_the_account() =>
        Assert.Equal(
            [new SignInFailed(AccountId, AfterFailures)],
            SignInAttempts.Decide(new RecordFailedSignIn(AccountId, AfterFailures), GivenSignIn(Failures(3))));

    [Fact]
    public void The_fifth_consecutive_failure_locks_the_account_for_15_minutes() =>
        Assert.Equal(
            [new SignInFailed(AccountId, AfterFailures), new AccountLockedOut(AccountId, AfterFailures.AddMinutes(15), AfterFailures)],
            SignInAttempts.Decide(new RecordFailedSignIn(AccountId, AfterFailures), GivenSignIn(Failures(4))));

    [Fact]
    public void A_locked_account_cannot_attempt_until_the_lockout_ends()
    {
        var state = GivenSignIn([.. Failures(5), new AccountLockedOut(AccountId, Now.AddMinutes(15), Now)]);
        Assert.Equal(new SignInAllowance(false, Now.AddMinutes(15)), SignInAttempts.CanAttempt(state, Now.AddMinutes(14).AddSeconds(59)));
        Assert.Equal(new SignInAllowance(true, null), SignInAttempts.CanAttempt(state, Now.AddMinutes(15)));
    }

    [Fact]
    public void An_account_with_a_few_failures_can_attempt() =>
        Assert.Equal(new SignInAllowance(true, null), SignInAttempts.CanAttempt(GivenSignIn(Failures(4)), AfterFailures));

    [Fact]
    public void A_failure_during_the_lockout_neither_counts_nor_extends_it() =>
        Assert.Empty(SignInAttempts.Decide(
            new RecordFailedSignIn(AccountId, Now.AddMinutes(5)),
            GivenSignIn(new AccountLockedOut(AccountId, Now.AddMinutes(15), Now))));

    [Fact]
    public void After_a_lockout_ends_the_next_failure_starts_a_new_count() =>
        Assert.Equal(
            [new SignInFailed(AccountId, Now.AddMinutes(16))],
            SignInAttempts.Decide(
                new RecordFailedSignIn(AccountId, Now.AddMinutes(16)),
                GivenSignIn([.. Failures(5), new AccountLockedOut(AccountId, Now.AddMinutes(15), Now)])));

    [Fact]
    public void A_success_resets_the_count_of_failures()
    {
        var state = GivenSignIn([.. Failures(4), new SignInSucceeded(AccountId, AfterFailures)]);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(
            [new SignInFailed(AccountId, AfterFailures.AddSeconds(5))],
            SignInAttempts.Decide(new RecordFailedSignIn(AccountId, AfterFailures.AddSeconds(5)), state));
    }

    [Fact]
    public void Failures_further_apart_than_the_window_do_not_add_up_to_a_lockout()
    {
        var later = Now.AddMinutes(30);
        Assert.Equal(
            [new SignInFailed(AccountId, later)],
            SignInAttempts.Decide(new RecordFailedSignIn(AccountId, later), GivenSignIn(Failures(4))));
    }

    [Fact]
    public void A_success_is_recorded() =>
        Assert.Equal(
            [new SignInSucceeded(AccountId, AfterFailures)],
            SignInAttempts.Decide(new RecordSuccessfulSignIn(AccountId, AfterFailures), GivenSignIn(Failures(2))));

    [Fact]
    public void A_success_during_a_lockout_is_refused_because_the_password_must_not_be_checked() =>
        Assert.Throws<RuleViolation>(() => SignInAttempts.Decide(
            new RecordSuccessfulSignIn(AccountId, Now.AddMinutes(1)),
            GivenSignIn(new AccountLockedOut(AccountId, Now.AddMinutes(15), Now))));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    public void The_delay_before_answering_grows_with_consecutive_failures(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInAttempts.RequiredDelay(GivenSignIn(Failures(failures)), AfterFailures));

    [Fact]
    public void The_delay_is_capped() =>
        Assert.Equal(TimeSpan.FromSeconds(8), SignInAttempts.RequiredDelay(
            new SignInAttemptsState(AccountId, 9, Now, null), AfterFailures));

    [Fact]
    public void Stale_failures_add_no_delay() =>
        Assert.Equal(TimeSpan.Zero, SignInAttempts.RequiredDelay(GivenSignIn(Failures(4)), Now.AddHours(1)));

    [Fact]
    public void The_refusal_text_is_the_same_generic_message() =>
        Assert.Equal("The email or password is incorrect.", SignInRefusal.Generic);
}
