using Portal.Institution.Clusters;
using Portal.Institution.Organisations;
using Portal.Institution.Schools;
using Portal.Institution.SupportCases;

namespace Portal.Institution.Tests.Deciders;

/// <summary>Fixed ids, times and opening events the decider tests build on.</summary>
public static class Sample
{
    public static readonly Guid OrganisationId = Guid.Parse("0a000000-0000-0000-0000-000000000001");
    public static readonly Guid SchoolId = Guid.Parse("5c000000-0000-0000-0000-000000000001");
    public static readonly Guid OtherSchoolId = Guid.Parse("5c000000-0000-0000-0000-000000000002");
    public static readonly Guid ClusterId = Guid.Parse("c1000000-0000-0000-0000-000000000001");
    public static readonly Guid CaseId = Guid.Parse("ca000000-0000-0000-0000-000000000001");
    public static readonly Guid Admin = Guid.Parse("ad000000-0000-0000-0000-000000000001");
    public static readonly Guid Operator = Guid.Parse("0b000000-0000-0000-0000-000000000001");

    public static readonly DateTimeOffset Earlier = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = new(2026, 9, 1, 8, 30, 0, TimeSpan.Zero);

    public static OrganisationRegistered OrganisationRegistered() =>
        new(OrganisationId, "Northern Lights Trust", OrganisationKind.MultiAcademyTrust, Admin, Earlier);

    public static TermSet TermSet(string id, string name, string start, string end) =>
        new(OrganisationId, id, name, DateOnly.Parse(start), DateOnly.Parse(end), Admin, Earlier);

    public static SchoolRegistered SchoolRegistered() =>
        new(SchoolId, OrganisationId, "Hillside Academy", "137001", SchoolPhase.Secondary, YearGroup.Defaults, Admin, Earlier);

    public static StudentLoginsConfigured StudentLoginsOn(params string[] yearGroups) =>
        new(SchoolId, true, yearGroups, Admin, Earlier);

    public static SchoolState SchoolWith(params object[] after) => DeciderSpec<SchoolState>.StateAfter([SchoolRegistered(), .. after]);

    public static ClusterCreated ClusterCreated() => new(ClusterId, OrganisationId, "North", Admin, Earlier);

    public static StudentLoginsCaseRaised CaseRaised(params string[] yearGroups) =>
        new(CaseId, SchoolId, yearGroups, "Year 7 starts in September.", Admin, Earlier);
}
