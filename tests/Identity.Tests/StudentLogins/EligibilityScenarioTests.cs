using Portal.Identity.Students;
using static Portal.Identity.Students.StudentLoginReasons;
using static Portal.Identity.Tests.StudentLogins.EligibilityWorld;

namespace Portal.Identity.Tests.StudentLogins;

/// <summary>
/// Sequences of Institution and Roster messages, in and out of order, through the local copies and the decider: each
/// input in both directions re-decides exactly the students it affects.
/// </summary>
public class EligibilityScenarioTests
{
    readonly EligibilityWorld world = new();
    readonly Guid school = Guid.NewGuid();
    readonly Guid year10 = Guid.NewGuid();
    readonly Guid year11 = Guid.NewGuid();
    readonly Guid year12 = Guid.NewGuid();

    void RollWithEmails()
    {
        Assert.Empty(world.Receive(Student(year10, school, "Y10", "ten@school.test", 1)));
        Assert.Empty(world.Receive(Student(year11, school, "Y11", "eleven@school.test", 1)));
        Assert.Empty(world.Receive(Student(year12, school, "Y12", "twelve@school.test", 1)));
    }

    static Guid[] Enabled(IEnumerable<object> events) => [.. events.OfType<StudentLoginEnabled>().Select(e => e.StudentId).Order()];

    static Guid[] Disabled(IEnumerable<object> events) => [.. events.OfType<StudentLoginDisabled>().Select(e => e.StudentId).Order()];

    [Fact]
    public void Year_10_now_year_11_added_later_and_year_11_removed_later()
    {
        RollWithEmails();

        var first = world.Receive(Setting(school, true, 1, "Y10"));
        Assert.Equal([year10], Enabled(first));
        Assert.Single(first);

        var added = world.Receive(Setting(school, true, 2, "Y10", "Y11"));
        Assert.Equal([year11], Enabled(added));
        Assert.Single(added);

        var removed = world.Receive(Setting(school, true, 3, "Y10"));
        Assert.Equal([year11], Disabled(removed));
        Assert.Equal(YearGroupNotEnabled, Assert.IsType<StudentLoginDisabled>(Assert.Single(removed)).Reason);
    }

    [Fact]
    public void Switching_the_school_off_disables_every_enabled_student_and_on_again_reactivates_them()
    {
        RollWithEmails();
        world.Receive(Setting(school, true, 1, "Y10", "Y11"));

        var off = world.Receive(Setting(school, false, 2, "Y10", "Y11"));
        Assert.Equal(new[] { year10, year11 }.Order(), Disabled(off));
        Assert.All(off.Cast<StudentLoginDisabled>(), e => Assert.Equal(StudentLoginsOff, e.Reason));

        Assert.Equal(new[] { year10, year11 }.Order(), Enabled(world.Receive(Setting(school, true, 3, "Y10", "Y11"))));
    }

    [Fact]
    public void Students_synced_after_the_setting_are_decided_as_they_arrive()
    {
        world.Receive(Setting(school, true, 1, "Y10"));
        Assert.Equal([year10], Enabled(world.Receive(Student(year10, school, "Y10", "ten@school.test", 1))));
        Assert.Empty(world.Receive(Student(year11, school, "Y11", "eleven@school.test", 1)));
        Assert.Empty(world.Receive(Student(year12, school, "Y10", null, 1)));
    }

    [Fact]
    public void Email_added_changed_and_removed()
    {
        world.Receive(Setting(school, true, 1, "Y10"));
        Assert.Empty(world.Receive(Student(year10, school, "Y10", null, 1)));

        var added = Assert.IsType<StudentLoginEnabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", "Ten@School.test", 2))));
        Assert.Equal("ten@school.test", added.Username);

        var changed = Assert.IsType<StudentUsernameChanged>(Assert.Single(world.Receive(Student(year10, school, "Y10", "ten.b@school.test", 3))));
        Assert.Equal("ten.b@school.test", changed.Username);

        var removed = Assert.IsType<StudentLoginDisabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", null, 4))));
        Assert.Equal(NoEmail, removed.Reason);
    }

    [Fact]
    public void Leaving_disables_returning_reactivates_and_deletion_disables()
    {
        world.Receive(Setting(school, true, 1, "Y10"));
        world.Receive(Student(year10, school, "Y10", "ten@school.test", 1));

        Assert.Equal(Left, Assert.IsType<StudentLoginDisabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", "ten@school.test", 2, left: true)))).Reason);
        Assert.IsType<StudentLoginEnabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", "ten@school.test", 3))));
        Assert.Equal(Deleted, Assert.IsType<StudentLoginDisabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", "ten@school.test", 4, deleted: true)))).Reason);
    }

    [Fact]
    public void A_late_older_setting_or_student_changes_nothing()
    {
        RollWithEmails();
        world.Receive(Setting(school, true, 2, "Y10", "Y11"));
        world.Receive(Student(year10, school, "Y10", "ten@school.test", 3, left: true));

        Assert.Empty(world.Receive(Setting(school, true, 1, "Y10")));
        Assert.Empty(world.Receive(Student(year10, school, "Y10", "ten@school.test", 2)));
        Assert.Empty(world.Receive(Setting(school, false, 2, "Y10", "Y11")));

        Assert.Equal(Left, Assert.IsType<StudentLoginDisabled>(world.EventsOf(year10)[^1]).Reason);
        Assert.IsType<StudentLoginEnabled>(Assert.Single(world.EventsOf(year11)));
    }

    [Fact]
    public void A_duplicate_message_changes_nothing()
    {
        var setting = Setting(school, true, 1, "Y10");
        var student = Student(year10, school, "Y10", "ten@school.test", 1);
        world.Receive(setting);
        Assert.Single(world.Receive(student));

        Assert.Empty(world.Receive(setting));
        Assert.Empty(world.Receive(student));
    }

    [Fact]
    public void An_email_already_signing_in_another_account_is_withheld_until_it_is_free()
    {
        world.TakenByAnotherAccount("ten@school.test");
        world.Receive(Setting(school, true, 1, "Y10"));

        var withheld = Assert.IsType<StudentLoginWithheld>(Assert.Single(world.Receive(Student(year10, school, "Y10", "Ten@school.test", 1))));
        Assert.Equal(("ten@school.test", UsernameTaken), (withheld.Username, withheld.Reason));
        Assert.Empty(world.Receive(Setting(school, true, 2, "Y10")));

        Assert.IsType<StudentLoginEnabled>(Assert.Single(world.Receive(Student(year10, school, "Y10", "ten.own@school.test", 2))));
    }

    [Fact]
    public void Two_students_with_one_email_the_first_gets_the_login_and_the_second_is_withheld()
    {
        world.Receive(Student(year10, school, "Y10", "shared@school.test", 1));
        world.Receive(Student(year11, school, "Y10", "shared@school.test", 1));

        var decided = world.Receive(Setting(school, true, 1, "Y10"));

        Assert.Single(decided.OfType<StudentLoginEnabled>());
        Assert.Single(decided.OfType<StudentLoginWithheld>());
    }
}
