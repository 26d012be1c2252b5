using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Permissions.Scope;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>Rows of the seed chart, section "Managing organizations", as the chart states them.</summary>
public sealed class PermissionMatrixTests
{
    public static TheoryData<Permission, Scope, Scope, Scope, Scope> ChartRows() => new()
    {
        //                                                   District      Customer      Building        Teacher
        { PermissionMatrix.EditSchoolInformation,            Organisation, Organisation, None,           None },
        { PermissionMatrix.ManageSchoolGroups,               Organisation, Organisation, None,           None },
        { PermissionMatrix.AllowTeacherStudentCreation,      Organisation, None,         None,           None },
        { PermissionMatrix.UploadParentPortalLogo,           Organisation, None,         None,           None },
        { PermissionMatrix.ViewParentSelfRegistration,       Organisation, None,         None,           None },
        { PermissionMatrix.ExportStudentReportData,          Organisation, Organisation, OwnInstitution, OwnClasses },
    };

    [Theory]
    [MemberData(nameof(ChartRows))]
    public void Staff_types_get_the_scope_the_chart_gives_them(
        Permission permission, Scope district, Scope customer, Scope building, Scope teacher)
    {
        Assert.Equal(district, PermissionEndpointExtensions.ScopeFor(Staff(StaffType.DistrictAdministrator), permission));
        Assert.Equal(customer, PermissionEndpointExtensions.ScopeFor(Staff(StaffType.CustomerAdministrator), permission));
        Assert.Equal(building, PermissionEndpointExtensions.ScopeFor(Staff(StaffType.BuildingAdministrator), permission));
        Assert.Equal(teacher, PermissionEndpointExtensions.ScopeFor(Staff(StaffType.Teacher), permission));
    }

    [Theory]
    [InlineData("Editing school information")]
    [InlineData("Managing school groups")]
    [InlineData("Allowing/restricting student account creation by teachers")]
    [InlineData("Uploading the parent portal logo")]
    [InlineData("Viewing parent self-registration")]
    [InlineData("Exporting student report data")]
    public void The_chart_rows_carry_their_names_under_the_section_heading(string name)
    {
        var permission = Assert.Single(PermissionMatrix.All, p => p.Name == name);
        Assert.Equal("Managing organizations", permission.Section);
    }

    [Fact]
    public void Platform_operators_act_with_organisation_scope_on_every_permission()
    {
        var operatorCaller = new PortalCaller(Guid.NewGuid(), AccountKind.Operator, null, null, new HashSet<Guid>());
        Assert.All(PermissionMatrix.All, p => Assert.Equal(Organisation, PermissionEndpointExtensions.ScopeFor(operatorCaller, p)));
    }

    [Theory]
    [InlineData(AccountKind.Unknown)]
    [InlineData(AccountKind.Student)]
    [InlineData(AccountKind.Guardian)]
    public void Students_guardians_and_unknown_kinds_hold_no_staff_permission(AccountKind kind)
    {
        // Even a staff-type claim smuggled into their token grants nothing.
        var caller = new PortalCaller(Guid.NewGuid(), kind, StaffType.DistrictAdministrator, Guid.NewGuid(), new HashSet<Guid>());
        Assert.All(PermissionMatrix.All, p => Assert.Equal(None, PermissionEndpointExtensions.ScopeFor(caller, p)));
    }

    [Fact]
    public void Staff_without_a_staff_type_hold_no_permission()
    {
        var caller = new PortalCaller(Guid.NewGuid(), AccountKind.Staff, null, Guid.NewGuid(), new HashSet<Guid>());
        Assert.All(PermissionMatrix.All, p => Assert.Equal(None, PermissionEndpointExtensions.ScopeFor(caller, p)));
    }

    [Fact]
    public void A_permission_outside_the_chart_is_granted_to_no_staff_type()
    {
        var unknown = new Permission("Launching rockets", "Managing organizations");
        Assert.All(Enum.GetValues<StaffType>(), t => Assert.Equal(None, PermissionMatrix.ScopeOf(t, unknown)));
    }

    private static PortalCaller Staff(StaffType type) =>
        new(Guid.NewGuid(), AccountKind.Staff, type, Guid.NewGuid(), new HashSet<Guid> { Guid.NewGuid() });
}
