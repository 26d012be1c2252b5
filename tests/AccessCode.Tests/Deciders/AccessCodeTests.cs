using Portal.AccessCode.Codes;

namespace Portal.AccessCode.Tests.Deciders;

public sealed class AccessCodeTests
{
    static readonly Guid Student = Guid.Parse("7d000000-0000-4000-8000-000000000001");
    static readonly Guid School = Guid.Parse("7d000000-0000-4000-8000-000000000002");
    static readonly Guid Staff = Guid.Parse("7d000000-0000-4000-8000-000000000003");
    static readonly Guid Guardian = Guid.Parse("7d000000-0000-4000-8000-000000000004");
    static readonly Guid OtherGuardian = Guid.Parse("7d000000-0000-4000-8000-000000000005");
    static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    static readonly NewCode First = new("hash-1", new SealedCode("sealed-1", "k1"));
    static readonly NewCode Second = new("hash-2", new SealedCode("sealed-2", "k1"));

    static AccessCodeIssued Issued => new(Student, School, First.Hash, First.Sealed, Staff, At);
    static GuardianPairedWithStudent Paired(Guid guardian, string hash = "hash-1") => new(Student, guardian, hash, At);
    static AccessCodeReset Reset => new(Student, Second.Hash, Second.Sealed, First.Hash, ResetReason.Reset, Staff, At);

    [Fact]
    public void Enabling_guardian_login_issues_a_code() =>
        DeciderSpec<AccessCodeState>.Given()
            .WhenStarting(state => AccessCode.Codes.AccessCode.Decide(new IssueAccessCode(Student, School, First, Staff, At), state))
            .Then(Issued);

    [Fact]
    public void A_second_code_is_refused_while_one_exists() =>
        DeciderSpec<AccessCodeState>.Given(Issued)
            .When(state => AccessCode.Codes.AccessCode.Decide(new IssueAccessCode(Student, School, Second, Staff, At), state))
            .ThenRefused($"Student {Student} already has an access code; reset it to issue a new one.");

    [Fact]
    public void No_code_is_issued_for_a_student_who_has_left() =>
        DeciderSpec<AccessCodeState>.Given(new StudentStatusNoted(Student, School, Left: true, At))
            .When(state => AccessCode.Codes.AccessCode.Decide(new IssueAccessCode(Student, School, First, Staff, At), state))
            .ThenRefused($"Student {Student} has left the school; no access code is issued for them.");

    [Fact]
    public void A_guardian_pairs_with_the_current_code() =>
        DeciderSpec<AccessCodeState>.Given(Issued)
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, Guardian, First.Hash, At), state))
            .Then(Paired(Guardian));

    [Fact]
    public void Pairing_again_is_harmless() =>
        DeciderSpec<AccessCodeState>.Given(Issued, Paired(Guardian))
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, Guardian, First.Hash, At), state))
            .ThenNothing();

    [Fact]
    public void One_code_serves_several_guardians_until_it_is_reset() =>
        DeciderSpec<AccessCodeState>.Given(Issued, Paired(Guardian))
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, OtherGuardian, First.Hash, At), state))
            .Then(Paired(OtherGuardian));

    [Fact]
    public void Reset_issues_a_new_code_and_keeps_existing_pairings()
    {
        DeciderSpec<AccessCodeState>.Given(Issued, Paired(Guardian))
            .When(state => AccessCode.Codes.AccessCode.Decide(new ResetAccessCode(Student, Second, Staff, At), state))
            .Then(Reset);
        var after = DeciderSpec<AccessCodeState>.StateAfter(Issued, Paired(Guardian), Reset);
        Assert.True(after.IsPaired(Guardian));
        Assert.Equal(Second.Hash, after.CodeHash);
    }

    [Fact]
    public void The_old_code_no_longer_pairs_anyone_after_a_reset() =>
        DeciderSpec<AccessCodeState>.Given(Issued, Reset)
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, OtherGuardian, First.Hash, At), state))
            .ThenRefused("This access code has been replaced by a newer one. Ask the school for the current code.");

    [Fact]
    public void The_new_code_pairs_after_a_reset() =>
        DeciderSpec<AccessCodeState>.Given(Issued, Reset)
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, OtherGuardian, Second.Hash, At), state))
            .Then(Paired(OtherGuardian, Second.Hash));

    [Fact]
    public void Resetting_a_student_without_a_code_is_refused() =>
        DeciderSpec<AccessCodeState>.Given(new StudentStatusNoted(Student, School, Left: false, At))
            .When(state => AccessCode.Codes.AccessCode.Decide(new ResetAccessCode(Student, Second, Staff, At), state))
            .ThenRefused($"Student {Student} has no access code yet; enable parent/guardian login first.");

    [Fact]
    public void A_student_who_has_left_cannot_be_paired_with() =>
        DeciderSpec<AccessCodeState>.Given(Issued, new StudentStatusNoted(Student, School, Left: true, At))
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, Guardian, First.Hash, At), state))
            .ThenRefused("The student this access code belongs to has left the school.");

    [Fact]
    public void Revoking_removes_the_guardian_and_resets_the_code() =>
        DeciderSpec<AccessCodeState>.Given(Issued, Paired(Guardian), Paired(OtherGuardian))
            .When(state => AccessCode.Codes.AccessCode.Decide(new RevokeGuardianAccess(Student, Guardian, Second, Staff, At), state))
            .Then(new GuardianAccessRevokedFromStudent(Student, Guardian, Staff, At),
                new AccessCodeReset(Student, Second.Hash, Second.Sealed, First.Hash, ResetReason.GuardianRevoked, Staff, At));

    [Fact]
    public void After_revoking_the_old_code_fails_for_the_revoked_guardian_and_the_other_keeps_access()
    {
        var revoked = new GuardianAccessRevokedFromStudent(Student, Guardian, Staff, At);
        var reset = new AccessCodeReset(Student, Second.Hash, Second.Sealed, First.Hash, ResetReason.GuardianRevoked, Staff, At);
        DeciderSpec<AccessCodeState>.Given(Issued, Paired(Guardian), Paired(OtherGuardian), revoked, reset)
            .When(state => AccessCode.Codes.AccessCode.Decide(new PairGuardian(Student, Guardian, First.Hash, At), state))
            .ThenRefused("This access code has been replaced by a newer one. Ask the school for the current code.");
        var after = DeciderSpec<AccessCodeState>.StateAfter(Issued, Paired(Guardian), Paired(OtherGuardian), revoked, reset);
        Assert.False(after.IsPaired(Guardian));
        Assert.True(after.IsPaired(OtherGuardian));
    }

    [Fact]
    public void Revoking_a_guardian_who_is_not_paired_is_not_found() =>
        DeciderSpec<AccessCodeState>.Given(Issued)
            .When(state => AccessCode.Codes.AccessCode.Decide(new RevokeGuardianAccess(Student, Guardian, Second, Staff, At), state))
            .ThenNotFound($"Guardian {Guardian} is not paired with student {Student}.");

    [Fact]
    public void The_students_status_is_noted_only_when_it_changes()
    {
        DeciderSpec<AccessCodeState>.Given(Issued, new StudentStatusNoted(Student, School, Left: false, At))
            .When(state => AccessCode.Codes.AccessCode.Decide(new NoteStudentStatus(Student, School, Left: false, At), state))
            .ThenNothing();
        DeciderSpec<AccessCodeState>.Given(Issued)
            .When(state => AccessCode.Codes.AccessCode.Decide(new NoteStudentStatus(Student, School, Left: true, At), state))
            .Then(new StudentStatusNoted(Student, School, true, At));
    }
}
