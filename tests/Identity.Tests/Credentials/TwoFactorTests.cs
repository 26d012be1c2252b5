using OtpNet;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Problems;
using static Portal.Identity.Tests.Credentials.History;

namespace Portal.Identity.Tests.Credentials;

public class TwoFactorTests
{
    // RFC 6238 Appendix B's SHA-1 key ("12345678901234567890"), so the math can be checked against the RFC.
    const string Secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static readonly long CurrentStep = Now.ToUnixTimeSeconds() / 30;

    static string CodeAt(DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(Secret)).ComputeTotp(at.UtcDateTime);

    static string CodeForStep(long step) => CodeAt(DateTimeOffset.FromUnixTimeSeconds(step * 30));

    static readonly (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) Recovery = RecoveryCodes.Generate();

    static TwoFactorState Enrolling() => GivenTwoFactor(new TwoFactorEnrolmentStarted(AccountId, Secret, Now.AddMinutes(-10)));

    static TwoFactorState Enabled(params object[] more) => GivenTwoFactor(
    [
        new TwoFactorEnrolmentStarted(AccountId, Secret, Now.AddMinutes(-10)),
        new TwoFactorEnabled(AccountId, Recovery.Hashes, Now.AddMinutes(-9)),
        .. more,
    ]);

    static void ThenInvalid(Action decide, string message) =>
        Assert.Equal([message], Assert.Throws<ValidationFailed>(decide).Errors["code"]);

    [Fact]
    public void Totp_codes_match_the_rfc_6238_test_vector() =>
        Assert.Equal(1, TotpCodes.MatchingStep(Secret, "287082", DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void A_new_secret_has_160_bits() => Assert.Equal(20, Base32Encoding.ToBytes(TotpCodes.NewSecret()).Length);

    [Fact]
    public void The_enrolment_uri_names_the_issuer_and_the_account() =>
        Assert.Equal(
            $"otpauth://totp/Portal:ada%40school.example?secret={Secret}&issuer=Portal",
            TotpCodes.EnrolmentUri(Secret, "ada@school.example"));

    [Fact]
    public void Starting_enrolment_records_the_secret() =>
        Assert.Equal(
            [new TwoFactorEnrolmentStarted(AccountId, Secret, Now)],
            TwoFactor.Decide(new StartTwoFactorEnrolment(AccountId, Secret, Now), GivenTwoFactor()));

    [Fact]
    public void Starting_enrolment_when_already_enabled_is_refused() =>
        Assert.Throws<RuleViolation>(() => TwoFactor.Decide(new StartTwoFactorEnrolment(AccountId, Secret, Now), Enabled()));

    [Fact]
    public void Confirming_enrolment_with_a_valid_code_enables_two_factor_and_uses_the_code() =>
        Assert.Equal(
            [new TwoFactorEnabled(AccountId, Recovery.Hashes, Now), new TotpCodeAccepted(AccountId, CurrentStep, Now)],
            TwoFactor.Decide(new ConfirmTwoFactorEnrolment(AccountId, CodeAt(Now), Recovery.Hashes, Now), Enrolling()));

    [Fact]
    public void Confirming_enrolment_with_a_wrong_code_is_refused() =>
        ThenInvalid(
            () => TwoFactor.Decide(new ConfirmTwoFactorEnrolment(AccountId, CodeAt(Now.AddMinutes(5)), Recovery.Hashes, Now), Enrolling()),
            TwoFactor.InvalidCode);

    [Fact]
    public void Confirming_enrolment_that_was_never_started_is_refused() =>
        Assert.Throws<RuleViolation>(() => TwoFactor.Decide(
            new ConfirmTwoFactorEnrolment(AccountId, CodeAt(Now), Recovery.Hashes, Now), GivenTwoFactor()));

    [Fact]
    public void The_code_that_confirmed_enrolment_cannot_be_replayed_at_sign_in()
    {
        var state = Enrolling();
        foreach (var e in TwoFactor.Decide(new ConfirmTwoFactorEnrolment(AccountId, CodeAt(Now), Recovery.Hashes, Now), state))
            state = e switch { TwoFactorEnabled x => state.Apply(x), TotpCodeAccepted x => state.Apply(x), _ => state };
        ThenInvalid(() => TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(Now), Now.AddSeconds(5)), state), TwoFactor.InvalidCode);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    public void A_code_from_the_current_step_or_one_either_side_is_accepted(int offsetSeconds)
    {
        var codeTime = Now.AddSeconds(offsetSeconds);
        Assert.Equal(
            [new TotpCodeAccepted(AccountId, CodeTimeStep(codeTime), Now)],
            TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(codeTime), Now), Enabled()));
    }

    static long CodeTimeStep(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    [InlineData(-3600)]
    public void A_code_two_or_more_steps_away_is_refused(int offsetSeconds) =>
        ThenInvalid(
            () => TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(Now.AddSeconds(offsetSeconds)), Now), Enabled()),
            TwoFactor.InvalidCode);

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public void A_malformed_code_is_refused(string code) =>
        ThenInvalid(() => TwoFactor.Decide(new VerifyTotpCode(AccountId, code, Now), Enabled()), TwoFactor.InvalidCode);

    [Fact]
    public void The_same_code_replayed_is_refused()
    {
        var state = Enabled();
        var accepted = TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(Now), Now), state);
        state = state.Apply(Assert.IsType<TotpCodeAccepted>(Assert.Single(accepted)));
        ThenInvalid(() => TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(Now), Now.AddSeconds(3)), state), TwoFactor.InvalidCode);
    }

    [Fact]
    public void A_code_for_an_earlier_step_after_a_later_one_was_accepted_is_refused() =>
        ThenInvalid(
            () => TwoFactor.Decide(
                new VerifyTotpCode(AccountId, CodeForStep(CurrentStep), Now),
                Enabled(new TotpCodeAccepted(AccountId, CurrentStep + 1, Now))),
            TwoFactor.InvalidCode);

    [Fact]
    public void The_next_steps_code_is_accepted_after_the_current_one() =>
        Assert.Equal(
            [new TotpCodeAccepted(AccountId, CurrentStep + 1, Now.AddSeconds(30))],
            TwoFactor.Decide(
                new VerifyTotpCode(AccountId, CodeForStep(CurrentStep + 1), Now.AddSeconds(30)),
                Enabled(new TotpCodeAccepted(AccountId, CurrentStep, Now))));

    [Fact]
    public void Verifying_a_code_without_two_factor_enabled_is_refused() =>
        Assert.Throws<RuleViolation>(() => TwoFactor.Decide(new VerifyTotpCode(AccountId, CodeAt(Now), Now), Enrolling()));

    [Fact]
    public void Recovery_codes_are_ten_distinct_codes_stored_only_as_hashes()
    {
        Assert.Equal(10, Recovery.Codes.Distinct().Count());
        Assert.Equal(Recovery.Codes.Select(RecoveryCodes.Hash), Recovery.Hashes);
        Assert.DoesNotContain(Recovery.Hashes, hash => Recovery.Codes.Any(code => hash.Contains(code.Replace("-", ""))));
    }

    [Fact]
    public void A_recovery_code_is_accepted_once_typed_in_any_case_without_dashes()
    {
        var typed = Recovery.Codes[3].Replace("-", "").ToLowerInvariant();
        Assert.Equal(
            [new RecoveryCodeUsed(AccountId, 3, Now)],
            TwoFactor.Decide(new UseRecoveryCode(AccountId, typed, Now), Enabled()));
    }

    [Fact]
    public void A_used_recovery_code_is_refused() =>
        Assert.Equal(
            [TwoFactor.InvalidRecoveryCode],
            Assert.Throws<ValidationFailed>(() => TwoFactor.Decide(
                new UseRecoveryCode(AccountId, Recovery.Codes[3], Now),
                Enabled(new RecoveryCodeUsed(AccountId, 3, Now.AddMinutes(-1))))).Errors["code"]);

    [Fact]
    public void Another_recovery_code_still_works_after_one_was_used() =>
        Assert.Equal(
            [new RecoveryCodeUsed(AccountId, 4, Now)],
            TwoFactor.Decide(new UseRecoveryCode(AccountId, Recovery.Codes[4], Now), Enabled(new RecoveryCodeUsed(AccountId, 3, Now))));

    [Fact]
    public void An_unknown_recovery_code_is_refused() =>
        Assert.Throws<ValidationFailed>(() => TwoFactor.Decide(new UseRecoveryCode(AccountId, "AAAA-BBBB-CCCC-DDDD", Now), Enabled()));

    [Fact]
    public void Disabling_two_factor_forgets_the_secret_but_not_the_last_accepted_step()
    {
        var state = Enabled(new TotpCodeAccepted(AccountId, CurrentStep, Now));
        var events = TwoFactor.Decide(new DisableTwoFactor(AccountId, Now), state);
        Assert.Equal([new TwoFactorDisabled(AccountId, Now)], events);
        var disabled = state.Apply((TwoFactorDisabled)events[0]);
        Assert.Equal((TwoFactorStatus.NotEnrolled, (string?)null, CurrentStep), (disabled.Status, disabled.Secret, disabled.LastAcceptedStep));
    }

    [Fact]
    public void Disabling_two_factor_that_is_not_enrolled_records_nothing() =>
        Assert.Empty(TwoFactor.Decide(new DisableTwoFactor(AccountId, Now), GivenTwoFactor()));
}
