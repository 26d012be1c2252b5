using Portal.Roster.Students;

namespace Portal.Roster.Tests.Deciders;

public class StudentSyncTests
{
    static readonly Guid Id = Guid.Parse("57000000-0000-0000-0000-0000000005a1");
    static readonly Guid School = Guid.Parse("5c000000-0000-0000-0000-0000000005a1");
    static readonly Guid OtherSchool = Guid.Parse("5c000000-0000-0000-0000-0000000005a2");
    static readonly Guid Admin = Guid.Parse("ad000000-0000-0000-0000-0000000005a1");
    static readonly DateTimeOffset Earlier = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset At = new(2026, 9, 1, 8, 30, 0, TimeSpan.Zero);
    static readonly DateOnly July = new(2026, 7, 20);

    static StudentEnrolled Enrolled() =>
        new(Id, School, "MIS-1", "Ada", "Lovelace", "Y7", "ada@school.example", "1001", StudentSource.Mis, null, Earlier);

    static SyncStudent Record(string given = "Ada", string family = "Lovelace", string yearGroup = "Y7", string? email = "ada@school.example",
        string? number = "1001", DateOnly? left = null, string misId = "MIS-1") =>
        new(Id, School, misId, given, family, yearGroup, email, number, left, StudentSource.Mis, null, At);

    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    static Func<StudentState, IEnumerable<object>> Sync(SyncStudent record) => state => Student.Decide(record, state);

    [Fact]
    public void A_new_record_enrols_the_student_from_the_MIS() =>
        DeciderSpec<StudentState>.Given().WhenStarting(s => Student.Decide(Record(given: " Ada ", email: "Ada@School.Example"), s))
            .Then(new StudentEnrolled(Id, School, "MIS-1", "Ada", "Lovelace", "Y7", "ada@school.example", "1001", StudentSource.Mis, null, At));

    [Fact]
    public void A_new_record_that_has_left_enrols_and_leaves_the_student() =>
        DeciderSpec<StudentState>.Given().WhenStarting(s => Student.Decide(Record(left: July), s))
            .Then(new StudentEnrolled(Id, School, "MIS-1", "Ada", "Lovelace", "Y7", "ada@school.example", "1001", StudentSource.Mis, null, At),
                new StudentLeft(Id, July, null, At));

    [Fact]
    public void The_same_record_again_records_nothing() => Given().When(Sync(Record())).ThenNothing();

    [Fact]
    public void New_names_or_student_information_number_change_the_details() =>
        Given().When(Sync(Record(given: "Augusta", number: "1002")))
            .Then(new StudentDetailsChanged(Id, "Augusta", "Lovelace", "1002", null, At));

    [Fact]
    public void A_new_email_is_recorded_lower_cased() =>
        Given().When(Sync(Record(email: "A.King@School.Example"))).Then(new StudentEmailChanged(Id, "a.king@school.example", null, At));

    [Fact]
    public void An_email_taken_away_is_recorded() => Given().When(Sync(Record(email: " "))).Then(new StudentEmailChanged(Id, null, null, At));

    [Fact]
    public void A_new_year_group_is_recorded() => Given().When(Sync(Record(yearGroup: "Y8"))).Then(new StudentYearGroupChanged(Id, "Y8", null, At));

    [Fact]
    public void A_date_left_marks_the_student_as_left() => Given().When(Sync(Record(left: July))).Then(new StudentLeft(Id, July, null, At));

    [Fact]
    public void A_corrected_date_left_is_recorded() =>
        Given(new StudentLeft(Id, July, null, Earlier)).When(Sync(Record(left: July.AddDays(3))))
            .Then(new StudentLeft(Id, July.AddDays(3), null, At));

    [Fact]
    public void A_student_who_left_and_is_on_the_roll_again_returns() =>
        Given(new StudentLeft(Id, July, null, Earlier)).When(Sync(Record())).Then(new StudentReturned(Id, null, At));

    [Fact]
    public void A_returning_student_with_changes_returns_first_then_changes() =>
        Given(new StudentLeft(Id, July, null, Earlier)).When(Sync(Record(family: "King", email: null, yearGroup: "Y8")))
            .Then(new StudentReturned(Id, null, At), new StudentDetailsChanged(Id, "Ada", "King", "1001", null, At),
                new StudentEmailChanged(Id, null, null, At), new StudentYearGroupChanged(Id, "Y8", null, At));

    [Fact]
    public void A_deleted_student_still_gone_in_the_MIS_stays_deleted() =>
        Given(new StudentLeft(Id, July, null, Earlier), new StudentDeleted(Id, Admin, Earlier)).When(Sync(Record(left: July))).ThenNothing();

    [Fact]
    public void A_deleted_student_back_on_the_roll_returns() =>
        Given(new StudentLeft(Id, July, null, Earlier), new StudentDeleted(Id, Admin, Earlier)).When(Sync(Record()))
            .Then(new StudentReturned(Id, null, At));

    [Fact]
    public void A_student_moved_to_another_school_is_no_longer_changed_by_the_old_schools_MIS() =>
        Given(new StudentMovedToSchool(Id, School, OtherSchool, Admin, Earlier)).When(Sync(Record(given: "Augusta", left: July))).ThenNothing();

    [Fact]
    public void A_record_without_a_given_name_is_invalid() =>
        Given().When(Sync(Record(given: " "))).ThenInvalid("givenName", "Given name is required.");

    [Fact]
    public void A_record_without_a_MIS_id_is_invalid() =>
        DeciderSpec<StudentState>.Given().WhenStarting(s => Student.Decide(Record(misId: ""), s)).ThenInvalid("misId", "MIS id is required.");

    [Fact]
    public void A_record_with_two_addresses_in_the_email_is_invalid() =>
        Given().When(Sync(Record(email: "a@x.example, b@x.example")))
            .ThenInvalid("email", "Email 'a@x.example, b@x.example' is not a single email address.");
}
