using StudentPortalPages = Portal.Institution.Contracts.StudentPortalPages;
using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class StudentPortalVisibilityTests
{
    static DeciderSpec<SchoolState> Given(params object[] events) =>
        DeciderSpec<SchoolState>.Given([Sample.SchoolRegistered(), .. events]);

    static Func<SchoolState, IEnumerable<object>> Show(params string[] pages) => state =>
        School.Decide(new SetStudentPortalVisibility(Sample.SchoolId, pages, Sample.Admin, Sample.At), state);

    [Fact]
    public void The_catalogue_is_the_documented_list_of_pages() =>
        Assert.Equal(["dashboard", "timetable", "homework", "forms", "products", "attendance", "behaviour", "reports", "messages"],
            StudentPortalPages.All);

    [Fact]
    public void Setting_visible_pages_records_them_once_each_in_catalogue_order() =>
        Given()
            .When(Show("messages", "dashboard", " timetable", "messages"))
            .Then(new StudentPortalVisibilityChanged(Sample.SchoolId, ["dashboard", "timetable", "messages"], Sample.Admin, Sample.At));

    [Fact]
    public void Showing_every_page_is_accepted() =>
        Given()
            .When(Show([.. StudentPortalPages.All]))
            .Then(new StudentPortalVisibilityChanged(Sample.SchoolId, StudentPortalPages.All, Sample.Admin, Sample.At));

    [Fact]
    public void Hiding_every_page_is_recorded() =>
        Given().When(Show()).Then(new StudentPortalVisibilityChanged(Sample.SchoolId, [], Sample.Admin, Sample.At));

    [Fact]
    public void An_unknown_page_is_refused_naming_it() =>
        Given().When(Show("dashboard", "grades", "Timetable"))
            .ThenInvalid("visiblePages",
                "Unknown student portal pages 'grades' and 'Timetable'; the pages are dashboard, timetable, homework, forms, products, attendance, behaviour, reports, messages.");

    [Fact]
    public void Setting_the_pages_already_visible_records_nothing() =>
        Given().When(Show("dashboard")).ThenNothing();

    [Fact]
    public void Changed_visibility_is_what_the_school_shows()
    {
        var school = Sample.SchoolWith(new StudentPortalVisibilityChanged(Sample.SchoolId, ["dashboard", "homework"], Sample.Admin, Sample.At));

        Assert.Equal(["dashboard", "homework"], school.VisiblePages);
    }
}
