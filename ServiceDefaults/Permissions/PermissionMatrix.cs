using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Permissions.Scope;

namespace Portal.ServiceDefaults.Permissions;

/// <summary>
/// The staff permission chart, as data: permission × staff type → scope. Endpoints name the permission they need;
/// this table is the one place that says who has it. docs/permission-chart.md is the same chart for people, and a
/// test fails when the two disagree, so change both together.
/// </summary>
public static class PermissionMatrix
{
    private const string ManagingOrganisations = "Managing organizations";
    private const string ManagingStaff = "Managing staff accounts";
    private const string ManagingStudents = "Managing student accounts";
    private const string ManagingGroups = "Managing groups";
    private const string ManagingAssessments = "Managing assessments";

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
    public static readonly Permission ViewInvoices = new("Viewing the organization's invoices", ManagingOrganisations);

    public static readonly Permission SetUpFirstEducatorAccount = new("Setting up an educator account for the first time", ManagingStaff);
    public static readonly Permission AddStaffInBulk =
        new("Adding multiple educators", ManagingStaff, "Administrator accounts only individually");
    public static readonly Permission AddStaffIndividually = new("Adding educators individually", ManagingStaff,
        "Building Administrators may add other Building Administrators but not edit or deactivate them");
    public static readonly Permission EditStaffAccounts = new("Editing educator accounts", ManagingStaff,
        "Administrators any staff account in scope, teachers only their own");
    public static readonly Permission ActivateDeactivateStaff = new("Activating and deactivating educator accounts", ManagingStaff,
        "District and Customer: all educators; Building: teachers only");
    public static readonly Permission ImportStaff = new("Bulk import of staff", ManagingStaff,
        "OneRoster 1.1 users.csv rows with role teacher or administrator, with a per-row report");
    public static readonly Permission ViewStaffAccounts = new("Viewing educator accounts", ManagingStaff);
    public static readonly Permission AssignBusinessRoles = new("Assigning business roles", ManagingStaff);
    public static readonly Permission AssociateStaffWithSchools = new("Associating staff with schools and clusters", ManagingStaff);
    public static readonly Permission ViewLoginHistory = new("Viewing login history", ManagingStaff);

    public static readonly Permission ViewStudents = new("Viewing student accounts", ManagingStudents);
    public static readonly Permission EditStudents = new("Editing student accounts", ManagingStudents);
    public static readonly Permission AddStudents = new("Adding student accounts", ManagingStudents,
        "Administrators to any group; teachers only to existing groups assigned to them, and only where the school allows teachers to create students");
    public static readonly Permission MoveStudents =
        new("Moving students between classes, teachers and schools", ManagingStudents, "Within the scope rules");
    public static readonly Permission DeleteInactiveStudents = new("Deleting inactive students", ManagingStudents);
    public static readonly Permission AssignProducts = new("Assigning products to students", ManagingStudents);
    public static readonly Permission EnableGuardianLogin =
        new("Enable parent/guardian login", ManagingStudents, "Teachers read-only for students in their classes");
    public static readonly Permission ViewGuardianAccess = new("Viewing parent/guardian access codes and pairings", ManagingStudents);
    public static readonly Permission IssueStartCards = new("Printing start cards and reissuing setup codes", ManagingStudents);
    public static readonly Permission ManageCustomForms = new("Managing custom forms", ManagingStudents);
    public static readonly Permission ViewFormResponses = new("Viewing form responses", ManagingStudents);

    public static readonly Permission ManageClasses =
        new("Creating, renaming, activating and deactivating classes and groups", ManagingGroups);
    public static readonly Permission AssignTeachers = new("Assigning and unassigning teachers to classes", ManagingGroups,
        "Building administrators in their school only");
    public static readonly Permission AddStudentsToGroups = new("Adding new and existing students to groups", ManagingGroups);
    public static readonly Permission RemoveInactiveStudentsFromGroups = new("Deleting inactive students from a group", ManagingGroups);
    public static readonly Permission RestrictClassAvatarFeatures =
        new("Restricting avatar building and accessory purchases for a class", ManagingGroups);
    public static readonly Permission BulkImportRoster = new("Self-roster accounts and groups through bulk import", ManagingGroups,
        "Teachers may only import students and groups assigned to them");

    public static readonly Permission ViewAssessmentResults = new("Viewing assessment results", ManagingAssessments);
    public static readonly Permission AssignAssessments = new("Creating and assigning assessments", ManagingAssessments,
        "Teachers assign only to students in their classes");
    public static readonly Permission ScheduleAssessmentWindows = new("Scheduling assessment windows", ManagingAssessments);
    public static readonly Permission ExportAssessmentData = new("Exporting assessment data", ManagingAssessments);

    //                                              District      Customer      Building        Teacher
    private static readonly (Permission Permission, Scope[] Scopes)[] Rows =
    [
        (EditSchoolInformation,             [Organisation, Organisation, None,           None]),
        (ManageSchoolGroups,                [Organisation, Organisation, None,           None]),
        (AllowTeacherStudentCreation,       [Organisation, None,         None,           None]),
        (UploadParentPortalLogo,            [Organisation, None,         None,           None]),
        (ViewParentSelfRegistration,        [Organisation, None,         None,           None]),
        (ExportStudentReportData,           [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (ManageTermCalendar,                [Organisation, Organisation, None,           None]),
        (RequestFeatures,                   [Organisation, Organisation, OwnInstitution, None]),
        (ViewSchools,                       [Organisation, Organisation, OwnInstitution, OwnInstitution]),
        (ViewInvoices,                      [Organisation, Organisation, None,           None]),

        (SetUpFirstEducatorAccount,         [Organisation, None,         None,           None]),
        (AddStaffInBulk,                    [Organisation, Organisation, OwnInstitution, None]),
        (AddStaffIndividually,              [Organisation, Organisation, OwnInstitution, None]),
        (EditStaffAccounts,                 [Organisation, Organisation, OwnInstitution, Self]),
        (ActivateDeactivateStaff,           [Organisation, Organisation, OwnInstitution, None]),
        (ImportStaff,                       [Organisation, Organisation, OwnInstitution, None]),
        (ViewStaffAccounts,                 [Organisation, Organisation, OwnInstitution, Self]),
        (AssignBusinessRoles,               [Organisation, Organisation, None,           None]),
        (AssociateStaffWithSchools,         [Organisation, Organisation, None,           None]),
        (ViewLoginHistory,                  [Organisation, Organisation, OwnInstitution, Self]),

        (ViewStudents,                      [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (EditStudents,                      [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (AddStudents,                       [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (MoveStudents,                      [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (DeleteInactiveStudents,            [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (AssignProducts,                    [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (EnableGuardianLogin,               [Organisation, Organisation, OwnInstitution, None]),
        (ViewGuardianAccess,                [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (IssueStartCards,                   [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (ManageCustomForms,                 [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (ViewFormResponses,                 [Organisation, Organisation, OwnInstitution, OwnClasses]),

        (ManageClasses,                     [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (AssignTeachers,                    [Organisation, Organisation, OwnInstitution, None]),
        (AddStudentsToGroups,               [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (RemoveInactiveStudentsFromGroups,  [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (RestrictClassAvatarFeatures,       [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (BulkImportRoster,                  [Organisation, Organisation, OwnInstitution, OwnClasses]),

        (ViewAssessmentResults,             [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (AssignAssessments,                 [Organisation, Organisation, OwnInstitution, OwnClasses]),
        (ScheduleAssessmentWindows,         [Organisation, Organisation, OwnInstitution, None]),
        (ExportAssessmentData,              [Organisation, Organisation, OwnInstitution, OwnClasses]),
    ];

    /// <summary>The chart's columns, in the order of each row's scopes.</summary>
    public static IReadOnlyList<StaffType> Columns { get; } =
        [StaffType.DistrictAdministrator, StaffType.CustomerAdministrator, StaffType.BuildingAdministrator, StaffType.Teacher];

    // A row listed twice fails here, when the type is first used, rather than silently keeping one of them.
    private static readonly Dictionary<(Permission, StaffType), Scope> Table = Rows
        .SelectMany(row => Columns.Select((type, i) => (Key: (row.Permission, type), Scope: row.Scopes[i])))
        .ToDictionary(x => x.Key, x => x.Scope);

    public static IEnumerable<Permission> All => Rows.Select(r => r.Permission);

    public static Scope ScopeOf(StaffType type, Permission permission) =>
        Table.TryGetValue((permission, type), out var scope) ? scope : None;
}
