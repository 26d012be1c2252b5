using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

/// <summary>
/// A starting point for an organisation's calendar: the three terms of an English school year.
/// The dates are approximations (real ones vary by local authority and year, and half-terms are not
/// modelled); organisations adjust them with SetTerm. Consecutive years do not overlap either:
/// summer ends on 22 July, the next autumn starts on 1 September.
/// </summary>
public static class UkTermCalendar
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    /// <summary>Autumn (1 Sep – 20 Dec), spring (5 Jan – 31 Mar) and summer (15 Apr – 22 Jul) of the school year
    /// starting in September of <paramref name="academicYearStartingIn"/>.</summary>
    public static IReadOnlyList<Term> Default(int academicYearStartingIn)
    {
        if (academicYearStartingIn is < EarliestYear or > LatestYear)
            throw new ValidationFailed("academicYear",
                $"Academic year must be between {EarliestYear} and {LatestYear} (was {academicYearStartingIn}).");
        var autumn = academicYearStartingIn;
        var next = autumn + 1;
        return
        [
            new Term($"{autumn}-autumn", $"Autumn {autumn}", new DateOnly(autumn, 9, 1), new DateOnly(autumn, 12, 20)),
            new Term($"{next}-spring", $"Spring {next}", new DateOnly(next, 1, 5), new DateOnly(next, 3, 31)),
            new Term($"{next}-summer", $"Summer {next}", new DateOnly(next, 4, 15), new DateOnly(next, 7, 22)),
        ];
    }
}
