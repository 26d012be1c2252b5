using Portal.Institution.Organisations;

namespace Portal.Institution.Tests.Deciders;

public class UkTermCalendarTests
{
    [Fact]
    public void Uk_default_offers_autumn_spring_and_summer_of_the_academic_year() =>
        Assert.Equal(
            [
                new Term("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 20)),
                new Term("2027-spring", "Spring 2027", new DateOnly(2027, 1, 5), new DateOnly(2027, 3, 31)),
                new Term("2027-summer", "Summer 2027", new DateOnly(2027, 4, 15), new DateOnly(2027, 7, 22)),
            ],
            UkTermCalendar.Default(2026));

    [Fact]
    public void Uk_default_terms_do_not_overlap_each_other_or_the_next_academic_year()
    {
        var terms = UkTermCalendar.Default(2026).Concat(UkTermCalendar.Default(2027)).ToList();

        var overlapping = terms.SelectMany(a => terms.Where(b => a.Id != b.Id && a.Overlaps(b)).Select(b => $"{a.Id}/{b.Id}"));

        Assert.Empty(overlapping);
    }

    [Fact]
    public void Uk_default_terms_of_consecutive_years_are_all_accepted_by_the_calendar()
    {
        var state = DeciderSpec<OrganisationState>.StateAfter(Sample.OrganisationRegistered());
        foreach (var term in UkTermCalendar.Default(2026).Concat(UkTermCalendar.Default(2027)))
        {
            var events = Organisation.Decide(
                new SetTerm(Sample.OrganisationId, term.Id, term.Name, term.Start, term.End, Sample.Admin, Sample.At), state);
            state = events.Cast<TermSet>().Aggregate(state, (s, e) => s.Apply(e));
        }

        Assert.Equal(["2026-autumn", "2027-spring", "2027-summer", "2027-autumn", "2028-spring", "2028-summer"],
            state.Terms.Select(t => t.Id));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Uk_default_for_an_implausible_year_is_invalid(int year)
    {
        var error = Assert.Throws<Portal.ServiceDefaults.Problems.ValidationFailed>(() => UkTermCalendar.Default(year));

        Assert.Equal(new[] { $"Academic year must be between 2000 and 2100 (was {year})." }, error.Errors["academicYear"]);
    }
}
