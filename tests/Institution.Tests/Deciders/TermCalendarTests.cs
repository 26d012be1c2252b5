using Portal.Institution.Organisations;

namespace Portal.Institution.Tests.Deciders;

public class TermCalendarTests
{
    static readonly TermSet Autumn = Sample.TermSet("2026-autumn", "Autumn 2026", "2026-09-01", "2026-12-20");
    static readonly TermSet Spring = Sample.TermSet("2027-spring", "Spring 2027", "2027-01-05", "2027-03-31");

    static DeciderSpec<OrganisationState> Given(params object[] terms) =>
        DeciderSpec<OrganisationState>.Given([Sample.OrganisationRegistered(), .. terms]);

    static Func<OrganisationState, IEnumerable<object>> Set(string id, string name, string start, string end) => state =>
        Organisation.Decide(new SetTerm(Sample.OrganisationId, id, name, DateOnly.Parse(start), DateOnly.Parse(end), Sample.Admin, Sample.At), state);

    static TermSet Recorded(string id, string name, string start, string end) =>
        new(Sample.OrganisationId, id, name, DateOnly.Parse(start), DateOnly.Parse(end), Sample.Admin, Sample.At);

    [Fact]
    public void Setting_a_term_in_an_empty_calendar_records_the_full_term() =>
        Given()
            .When(Set("2026-autumn", " Autumn 2026 ", "2026-09-01", "2026-12-20"))
            .Then(Recorded("2026-autumn", "Autumn 2026", "2026-09-01", "2026-12-20"));

    [Fact]
    public void Overlapping_term_is_refused_naming_the_other_term() =>
        Given(Sample.TermSet("2026-autumn", "Autumn 2026", "2026-09-01", "2027-01-10"))
            .When(Set("2027-spring", "Spring 2027", "2027-01-05", "2027-03-31"))
            .ThenRefused("Term 'Spring 2027' (2027-01-05 to 2027-03-31) overlaps 'Autumn 2026' (2026-09-01 to 2027-01-10).");

    [Fact]
    public void Term_overlapping_an_existing_one_is_refused_naming_it_with_its_dates() =>
        Given(Autumn)
            .When(Set("2026-winter", "Winter 2026", "2026-12-01", "2027-03-31"))
            .ThenRefused("Term 'Winter 2026' (2026-12-01 to 2027-03-31) overlaps 'Autumn 2026' (2026-09-01 to 2026-12-20).");

    [Fact]
    public void Term_overlapping_two_terms_is_refused_naming_both() =>
        Given(Autumn, Spring)
            .When(Set("2026-long", "Long 2026", "2026-12-01", "2027-01-10"))
            .ThenRefused("Term 'Long 2026' (2026-12-01 to 2027-01-10) overlaps 'Autumn 2026' (2026-09-01 to 2026-12-20) and 'Spring 2027' (2027-01-05 to 2027-03-31).");

    [Fact]
    public void Term_inside_another_is_refused() =>
        Given(Autumn)
            .When(Set("2026-half", "Half 2026", "2026-10-01", "2026-10-31"))
            .ThenRefused("Term 'Half 2026' (2026-10-01 to 2026-10-31) overlaps 'Autumn 2026' (2026-09-01 to 2026-12-20).");

    [Fact]
    public void Term_starting_the_day_after_another_ends_is_accepted() =>
        Given(Autumn)
            .When(Set("2026-winter", "Winter 2026", "2026-12-21", "2026-12-31"))
            .Then(Recorded("2026-winter", "Winter 2026", "2026-12-21", "2026-12-31"));

    [Fact]
    public void Term_ending_the_day_before_another_starts_is_accepted() =>
        Given(Autumn)
            .When(Set("2026-summer", "Summer 2026", "2026-04-15", "2026-08-31"))
            .Then(Recorded("2026-summer", "Summer 2026", "2026-04-15", "2026-08-31"));

    [Fact]
    public void Term_starting_on_the_day_another_ends_is_refused() =>
        Given(Autumn)
            .When(Set("2026-winter", "Winter 2026", "2026-12-20", "2026-12-31"))
            .ThenRefused("Term 'Winter 2026' (2026-12-20 to 2026-12-31) overlaps 'Autumn 2026' (2026-09-01 to 2026-12-20).");

    [Fact]
    public void Term_ending_on_the_day_another_starts_is_refused() =>
        Given(Autumn)
            .When(Set("2026-summer", "Summer 2026", "2026-04-15", "2026-09-01"))
            .ThenRefused("Term 'Summer 2026' (2026-04-15 to 2026-09-01) overlaps 'Autumn 2026' (2026-09-01 to 2026-12-20).");

    [Fact]
    public void Term_ending_before_it_starts_is_invalid() =>
        Given()
            .When(Set("2026-autumn", "Autumn 2026", "2026-09-01", "2026-08-01"))
            .ThenInvalid("end", "Term 'Autumn 2026' ends on 2026-08-01, before it starts on 2026-09-01.");

    [Fact]
    public void One_day_term_is_accepted() =>
        Given()
            .When(Set("2026-inset", "INSET day", "2026-09-01", "2026-09-01"))
            .Then(Recorded("2026-inset", "INSET day", "2026-09-01", "2026-09-01"));

    [Fact]
    public void Changing_a_term_to_overlap_another_is_refused_naming_it() =>
        Given(Autumn, Spring)
            .When(Set("2026-autumn", "Autumn 2026", "2026-09-01", "2027-01-05"))
            .ThenRefused("Term 'Autumn 2026' (2026-09-01 to 2027-01-05) overlaps 'Spring 2027' (2027-01-05 to 2027-03-31).");

    [Fact]
    public void Changing_a_terms_dates_does_not_count_as_overlapping_itself() =>
        Given(Autumn, Spring)
            .When(Set("2026-autumn", "Autumn 2026", "2026-09-03", "2026-12-18"))
            .Then(Recorded("2026-autumn", "Autumn 2026", "2026-09-03", "2026-12-18"));

    [Fact]
    public void Changed_term_replaces_the_old_one_and_terms_stay_in_date_order()
    {
        var state = DeciderSpec<OrganisationState>.StateAfter(Sample.OrganisationRegistered(), Spring, Autumn,
            Sample.TermSet("2026-autumn", "Autumn term 2026", "2026-09-02", "2026-12-19"));

        Assert.Equal(
            [new Term("2026-autumn", "Autumn term 2026", new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 19)),
             new Term("2027-spring", "Spring 2027", new DateOnly(2027, 1, 5), new DateOnly(2027, 3, 31))],
            state.Terms);
    }

    [Fact]
    public void Setting_a_term_exactly_as_it_is_records_nothing() =>
        Given(Autumn)
            .When(Set("2026-autumn", "Autumn 2026", "2026-09-01", "2026-12-20"))
            .ThenNothing();

    [Fact]
    public void Renaming_a_term_records_it() =>
        Given(Autumn)
            .When(Set("2026-autumn", "Michaelmas 2026", "2026-09-01", "2026-12-20"))
            .Then(Recorded("2026-autumn", "Michaelmas 2026", "2026-09-01", "2026-12-20"));

    [Theory]
    [InlineData("Autumn 2026")]
    [InlineData("2026-Autumn")]
    [InlineData("2026_autumn")]
    [InlineData("26-autumn")]
    [InlineData("2026-")]
    [InlineData("2026")]
    [InlineData("autumn-2026")]
    [InlineData("2026-autumn-")]
    [InlineData("")]
    public void Term_id_that_is_not_a_lowercase_year_slug_is_invalid(string termId) =>
        Given()
            .When(Set(termId, "Autumn 2026", "2026-09-01", "2026-12-20"))
            .ThenInvalid("termId", $"Term id '{termId}' must be a lowercase slug of the start year and a name, like '2026-autumn' (at most 40 characters).");

    [Fact]
    public void Term_id_longer_than_40_characters_is_invalid()
    {
        var termId = "2026-" + new string('a', 36);
        Given()
            .When(Set(termId, "Autumn 2026", "2026-09-01", "2026-12-20"))
            .ThenInvalid("termId", $"Term id '{termId}' must be a lowercase slug of the start year and a name, like '2026-autumn' (at most 40 characters).");
    }

    [Fact]
    public void Term_id_with_a_hyphenated_name_is_accepted() =>
        Given()
            .When(Set("2026-autumn-1", "Autumn 1 2026", "2026-09-01", "2026-10-23"))
            .Then(Recorded("2026-autumn-1", "Autumn 1 2026", "2026-09-01", "2026-10-23"));

    [Fact]
    public void Term_id_naming_another_year_than_the_start_is_invalid_suggesting_the_right_id() =>
        Given()
            .When(Set("2026-spring", "Spring 2027", "2027-01-05", "2027-03-31"))
            .ThenInvalid("termId", "Term id '2026-spring' names 2026 but the term starts in 2027; use '2027-spring'.");

    [Fact]
    public void Term_without_a_name_is_invalid() =>
        Given()
            .When(Set("2026-autumn", "  ", "2026-09-01", "2026-12-20"))
            .ThenInvalid("name", "Term name is required.");

    [Fact]
    public void Removing_a_term_records_it() =>
        Given(Autumn, Spring)
            .When(state => Organisation.Decide(new RemoveTerm(Sample.OrganisationId, "2026-autumn", Sample.Admin, Sample.At), state))
            .Then(new TermRemoved(Sample.OrganisationId, "2026-autumn", Sample.Admin, Sample.At));

    [Fact]
    public void A_removed_term_no_longer_blocks_an_overlapping_one() =>
        Given(Autumn, new TermRemoved(Sample.OrganisationId, "2026-autumn", Sample.Admin, Sample.Earlier))
            .When(Set("2026-winter", "Winter 2026", "2026-12-01", "2027-01-04"))
            .Then(Recorded("2026-winter", "Winter 2026", "2026-12-01", "2027-01-04"));

    [Fact]
    public void Removing_an_unknown_term_is_not_found() =>
        Given(Autumn)
            .When(state => Organisation.Decide(new RemoveTerm(Sample.OrganisationId, "2026-summer", Sample.Admin, Sample.At), state))
            .ThenNotFound("There is no term '2026-summer' in the calendar of 'Northern Lights Trust'.");
}
