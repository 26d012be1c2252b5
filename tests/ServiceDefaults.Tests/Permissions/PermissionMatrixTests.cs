using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Permissions.Scope;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>Who the matrix speaks for: staff by their type; operators everywhere; nobody else. The rows themselves are checked against the chart document by <see cref="PermissionChartTests"/>.</summary>
public sealed class PermissionMatrixTests
{
    [Fact]
    public void Staff_get_the_scope_the_matrix_gives_their_staff_type()
    {
        Assert.All(PermissionMatrix.All, p => Assert.All(Enum.GetValues<StaffType>(), type =>
            Assert.Equal(PermissionMatrix.ScopeOf(type, p), PermissionEndpointExtensions.ScopeFor(Staff(type), p))));
    }

    [Fact]
    public void Every_staff_type_is_a_column_of_the_chart()
    {
        Assert.Equal(Enum.GetValues<StaffType>().Order(), PermissionMatrix.Columns.Order());
    }

    [Fact]
    public void Login_to_MIS_is_a_business_role_permission_not_a_staff_type_row()
    {
        Assert.DoesNotContain(PermissionMatrix.All, p => p.Name.StartsWith("Login to MIS", StringComparison.OrdinalIgnoreCase));
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
