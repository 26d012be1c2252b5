using StudentPortalPages = Portal.Institution.Contracts.StudentPortalPages;
namespace Portal.Institution.Schools;

/// <summary>
/// A school (institution) with its year groups and settings. Defaults for settings a school has never set live in
/// <see cref="Create"/>; changing one there changes it for every such school, so add a setting with the value
/// schools had before it existed. Marten live-aggregates this record through the public Create/Apply methods.
/// </summary>
public sealed record SchoolState(
    Guid Id,
    Guid OrganisationId,
    string Name,
    string Code,
    SchoolPhase Phase,
    IReadOnlyList<YearGroup> YearGroups,
    StudentLoginSettings StudentLogins,
    IReadOnlyList<string> VisiblePages,
    StudentInformationNumberRules StudentInformationNumberRules,
    bool SecondLanguagesAllowed,
    bool TeacherStudentCreationAllowed,
    ParentPortalLogo? ParentPortalLogo,
    bool ParentSelfRegistrationVisible,
    bool StaffTwoFactorRequired)
{
    public static SchoolState Create(SchoolRegistered e) => new(
        e.SchoolId, e.OrganisationId, e.Name, e.Code, e.Phase, e.YearGroups,
        StudentLogins: new StudentLoginSettings(false, []),
        // Students land on the dashboard; the school opts into every other page.
        VisiblePages: [StudentPortalPages.Dashboard],
        StudentInformationNumberRules: new StudentInformationNumberRules(false, 0, false),
        SecondLanguagesAllowed: false,
        // Students normally arrive from the MIS; teachers creating them by hand is opt-in.
        TeacherStudentCreationAllowed: false,
        ParentPortalLogo: null,
        // Guardians register themselves before redeeming an access code, so the link shows unless hidden.
        ParentSelfRegistrationVisible: true,
        StaffTwoFactorRequired: false);

    public SchoolState Apply(SchoolDetailsEdited e) => this with { Name = e.Name, Code = e.Code, Phase = e.Phase };

    public SchoolState Apply(YearGroupAdded e) => this with { YearGroups = [.. YearGroups, new YearGroup(e.YearGroupId, e.Name)] };

    public SchoolState Apply(YearGroupRemoved e) => this with
    {
        YearGroups = YearGroups.Where(y => y.Id != e.YearGroupId).ToList(),
        StudentLogins = StudentLogins with { YearGroups = StudentLogins.YearGroups.Where(id => id != e.YearGroupId).ToList() },
    };

    public SchoolState Apply(StudentLoginsConfigured e) => this with { StudentLogins = new StudentLoginSettings(e.Enabled, e.YearGroups) };

    public SchoolState Apply(StudentPortalVisibilityChanged e) => this with { VisiblePages = e.VisiblePages };

    public SchoolState Apply(StudentInformationNumberRulesSet e) =>
        this with { StudentInformationNumberRules = new StudentInformationNumberRules(e.Required, e.MinimumLength, e.NumericOnly) };

    public SchoolState Apply(SecondLanguagesAllowedSet e) => this with { SecondLanguagesAllowed = e.Allowed };

    public SchoolState Apply(TeacherStudentCreationSet e) => this with { TeacherStudentCreationAllowed = e.Allowed };

    public SchoolState Apply(ParentPortalLogoUploaded e) =>
        this with { ParentPortalLogo = new ParentPortalLogo(e.ContentType, e.SizeBytes, e.Sha256, e.At) };

    public SchoolState Apply(ParentPortalLogoRemoved e) => this with { ParentPortalLogo = null };

    public SchoolState Apply(ParentSelfRegistrationVisibilitySet e) => this with { ParentSelfRegistrationVisible = e.Visible };

    public SchoolState Apply(StaffTwoFactorRequirementSet e) => this with { StaffTwoFactorRequired = e.Required };

    public YearGroup? FindYearGroup(string id) => YearGroups.FirstOrDefault(y => y.Id == id);
}

/// <summary>Whether students may log in, and for which year groups (ids in the school's year-group order).
/// The year groups are kept while logins are off so that turning them back on can start from them.</summary>
public sealed record StudentLoginSettings(bool Enabled, IReadOnlyList<string> YearGroups)
{
    public bool IsOnFor(string yearGroupId) => Enabled && YearGroups.Contains(yearGroupId);
}

/// <summary>What a student information number (SIN) must look like when staff enter one.</summary>
public sealed record StudentInformationNumberRules(bool Required, int MinimumLength, bool NumericOnly);

/// <summary>The logo shown on the parent portal; the bytes are stored by the endpoint, keyed by their SHA-256.</summary>
public sealed record ParentPortalLogo(string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);
