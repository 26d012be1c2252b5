using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Permissions.Scope;

namespace Portal.ServiceDefaults.Permissions;

/// <summary>
/// The staff permission chart, as data: permission × staff type → scope. Endpoints name the
/// permission they need; this table is the one place that says who has it.
/// </summary>
public static class PermissionMatrix
{
    private const string ManagingOrganisations = "Managing organizations";

    public static readonly Permission EditSchoolInformation = new("Editing school information", ManagingOrganisations);
    public static readonly Permission ManageSchoolGroups = new("Managing school groups", ManagingOrganisations);
    public static readonly Permission AllowTeacherStudentCreation =
        new("Allowing/restricting student account creation by teachers", ManagingOrganisations);
    public static readonly Permission UploadParentPortalLogo = new("Uploading the parent portal logo", ManagingOrganisations);
    public static readonly Permission ViewParentSelfRegistration = new("Viewing parent self-registration", ManagingOrganisations);
    public static readonly Permission ExportStudentReportData = new("Exporting student report data", ManagingOrganisations);
    public static readonly Permission ManageTermCalendar = new("Managing the term calendar", ManagingOrganisations);
    public static readonly Permission RequestFeatures = new("Requesting features through support cases", ManagingOrganisations);
    public static readonly Permission ViewSchools = new("Viewing schools and their settings", ManagingOrganisations);

    //                                         District      Customer      Building         Teacher
    private static readonly (Permission Permission, Scope[] Scopes)[] Rows =
    [
        (EditSchoolInformation,        [Organisation, Organisation, None,           None]),
        (ManageSchoolGroups,           [Organisation, Organisation, None,           None]),
        (AllowTeacherStudentCreation,  [Organisation, None,         None,           None]),
        (UploadParentPortalLogo,       [Organisation, None,         None,           None]),
        (ViewParentSelfRegistration,   [Organisation, None,         None,           None]),
        (ExportStudentReportData,      [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (ManageTermCalendar,           [Organisation, Organisation, None,           None]),
        (RequestFeatures,              [Organisation, Organisation, OwnInstitution, None]),
        (ViewSchools,                  [Organisation, Organisation, OwnInstitution, OwnInstitution]),
    ];

    private static readonly StaffType[] Columns =
        [StaffType.DistrictAdministrator, StaffType.CustomerAdministrator, StaffType.BuildingAdministrator, StaffType.Teacher];

    private static readonly Dictionary<(Permission, StaffType), Scope> Table = Rows
        .SelectMany(row => Columns.Select((type, i) => (Key: (row.Permission, type), Scope: row.Scopes[i])))
        .ToDictionary(x => x.Key, x => x.Scope);

    public static IEnumerable<Permission> All => Rows.Select(r => r.Permission);

    public static Scope ScopeOf(StaffType type, Permission permission) =>
        Table.TryGetValue((permission, type), out var scope) ? scope : None;
}
