using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class YearGroupTests
{
    static DeciderSpec<SchoolState> Given(params object[] events) =>
        DeciderSpec<SchoolState>.Given([Sample.SchoolRegistered(), .. events]);

    static Func<SchoolState, IEnumerable<object>> Add(string id, string name) => state =>
        School.Decide(new AddYearGroup(Sample.SchoolId, id, name, Sample.Admin, Sample.At), state);

    static Func<SchoolState, IEnumerable<object>> Remove(string id) => state =>
        School.Decide(new RemoveYearGroup(Sample.SchoolId, id, Sample.Admin, Sample.At), state);

    [Fact]
    public void Adding_a_year_group_records_it() =>
        Given()
            .When(Add(" N ", " Nursery "))
            .Then(new YearGroupAdded(Sample.SchoolId, "N", "Nursery", Sample.Admin, Sample.At));

    [Fact]
    public void An_added_year_group_goes_to_the_end_of_the_list()
    {
        var school = Sample.SchoolWith(new YearGroupAdded(Sample.SchoolId, "N", "Nursery", Sample.Admin, Sample.At));

        Assert.Equal(15, school.YearGroups.Count);
        Assert.Equal(new YearGroup("N", "Nursery"), school.YearGroups[^1]);
    }

    [Fact]
    public void Adding_a_year_group_id_the_school_has_is_refused_naming_it() =>
        Given().When(Add("Y7", "Seventh")).ThenRefused("The school already has year group 'Y7' (Year 7).");

    [Fact]
    public void Adding_a_year_group_named_like_an_existing_one_is_refused_naming_its_id() =>
        Given().When(Add("R2", "reception")).ThenRefused("The school already has a year group named 'Reception' (id 'R').");

    [Theory]
    [InlineData("n")]
    [InlineData("Y 1")]
    [InlineData("Y-14")]
    [InlineData("")]
    [InlineData("ABCDEFGHIJK")]
    public void Adding_a_year_group_with_a_malformed_id_is_invalid(string id) =>
        Given().When(Add(id, "Nursery"))
            .ThenInvalid("yearGroupId", $"Year group id '{id}' must be 1 to 10 uppercase letters or digits, like 'N' or 'Y14'.");

    [Fact]
    public void Adding_a_year_group_without_a_name_is_invalid() =>
        Given().When(Add("N", " ")).ThenInvalid("name", "Year group name is required.");

    [Fact]
    public void Adding_a_year_group_with_a_name_over_50_characters_is_invalid() =>
        Given().When(Add("N", new string('n', 51))).ThenInvalid("name", "Year group name must be at most 50 characters (it has 51).");

    [Fact]
    public void Removing_a_year_group_records_it() =>
        Given().When(Remove("Y13")).Then(new YearGroupRemoved(Sample.SchoolId, "Y13", Sample.Admin, Sample.At));

    [Fact]
    public void Removing_a_year_group_with_student_logins_enabled_for_it_is_refused() =>
        Given(Sample.StudentLoginsOn("Y7", "Y8"))
            .When(Remove("Y7"))
            .ThenRefused("Year 7 cannot be removed while student logins are enabled for it; turn student logins off for Year 7 first.");

    [Fact]
    public void Removing_a_year_group_kept_in_settings_while_logins_are_off_drops_it_from_them()
    {
        var loginsOff = new StudentLoginsConfigured(Sample.SchoolId, false, ["Y7", "Y8"], Sample.Admin, Sample.Earlier);
        Given(loginsOff).When(Remove("Y7")).Then(new YearGroupRemoved(Sample.SchoolId, "Y7", Sample.Admin, Sample.At));

        var school = Sample.SchoolWith(loginsOff, new YearGroupRemoved(Sample.SchoolId, "Y7", Sample.Admin, Sample.At));

        Assert.Equal(["Y8"], school.StudentLogins.YearGroups);
        Assert.Null(school.FindYearGroup("Y7"));
    }

    [Fact]
    public void Removing_a_year_group_the_school_does_not_have_is_not_found() =>
        Given().When(Remove("Y14")).ThenNotFound("School 'Hillside Academy' has no year group 'Y14'.");
}
