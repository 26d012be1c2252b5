using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class StudentLoginsTests
{
    static DeciderSpec<SchoolState> Given(params object[] events) =>
        DeciderSpec<SchoolState>.Given([Sample.SchoolRegistered(), .. events]);

    static Func<SchoolState, IEnumerable<object>> Configure(bool enabled, params string[] yearGroups) => state =>
        School.Decide(new ConfigureStudentLogins(Sample.SchoolId, enabled, yearGroups, Sample.Admin, Sample.At), state);

    static StudentLoginsConfigured Configured(bool enabled, params string[] yearGroups) =>
        new(Sample.SchoolId, enabled, yearGroups, Sample.Admin, Sample.At);

    [Fact]
    public void Turning_student_logins_on_records_the_year_groups_once_each_in_school_order() =>
        Given().When(Configure(true, "Y8", " Y7", "Y7", "R")).Then(Configured(true, "R", "Y7", "Y8"));

    [Fact]
    public void Turning_student_logins_on_without_a_year_group_is_refused() =>
        Given().When(Configure(true)).ThenInvalid("yearGroups", "Choose at least one year group to turn student logins on.");

    [Fact]
    public void Turning_student_logins_on_with_a_null_list_is_refused() =>
        Given()
            .When(state => School.Decide(new ConfigureStudentLogins(Sample.SchoolId, true, null!, Sample.Admin, Sample.At), state))
            .ThenInvalid("yearGroups", "Choose at least one year group to turn student logins on.");

    [Fact]
    public void Unknown_year_groups_are_refused_naming_them() =>
        Given().When(Configure(true, "Y7", "Y14", "N"))
            .ThenInvalid("yearGroups", "The school has no year group 'Y14' or 'N'; its year groups are R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13.");

    [Fact]
    public void An_added_year_group_can_have_student_logins() =>
        Given(new YearGroupAdded(Sample.SchoolId, "N", "Nursery", Sample.Admin, Sample.Earlier))
            .When(Configure(true, "N", "R"))
            .Then(Configured(true, "R", "N"));

    [Fact]
    public void Configuring_what_is_already_configured_records_nothing() =>
        Given(Sample.StudentLoginsOn("Y7", "Y8")).When(Configure(true, "Y8", "Y7")).ThenNothing();

    [Fact]
    public void Turning_logins_off_when_they_are_off_records_nothing() =>
        Given().When(Configure(false)).ThenNothing();

    [Fact]
    public void Changing_the_year_groups_while_logins_are_on_records_the_new_set() =>
        Given(Sample.StudentLoginsOn("Y7", "Y8")).When(Configure(true, "Y7", "Y8", "Y9")).Then(Configured(true, "Y7", "Y8", "Y9"));

    [Fact]
    public void Turning_student_logins_off_records_it() =>
        Given(Sample.StudentLoginsOn("Y7")).When(Configure(false)).Then(Configured(false));

    [Fact]
    public void Turning_logins_off_may_keep_the_year_groups_for_later() =>
        Given(Sample.StudentLoginsOn("Y7")).When(Configure(false, "Y7")).Then(Configured(false, "Y7"));

    [Fact]
    public void Logins_count_as_on_for_a_year_group_only_while_enabled()
    {
        var on = Sample.SchoolWith(Sample.StudentLoginsOn("Y7"));
        var off = Sample.SchoolWith(Sample.StudentLoginsOn("Y7"), Configured(false, "Y7"));

        Assert.True(on.StudentLogins.IsOnFor("Y7"));
        Assert.False(on.StudentLogins.IsOnFor("Y8"));
        Assert.False(off.StudentLogins.IsOnFor("Y7"));
    }
}
