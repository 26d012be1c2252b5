using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>The filter <see cref="PermissionEndpointExtensions.RequirePermission{TBuilder}"/> adds, run as ASP.NET Core runs it.</summary>
public sealed class PermissionFilterTests
{
    [Theory]
    [InlineData(StaffType.Teacher, Scope.Self)]                          // Editing educator accounts
    [InlineData(StaffType.BuildingAdministrator, Scope.OwnInstitution)]
    [InlineData(StaffType.DistrictAdministrator, Scope.Organisation)]
    public async Task The_endpoint_runs_with_the_granted_scope_on_the_request(StaffType type, Scope expected)
    {
        var (reached, http) = await Call(PermissionMatrix.EditStaffAccounts, Staff(type));

        Assert.True(reached);
        Assert.Equal(expected, http.GrantedScope());
    }

    [Fact]
    public async Task A_teacher_gets_own_classes_scope_for_student_rows()
    {
        var (reached, http) = await Call(PermissionMatrix.ViewStudents, Staff(StaffType.Teacher));

        Assert.True(reached);
        Assert.Equal(Scope.OwnClasses, http.GrantedScope());
    }

    [Fact]
    public async Task A_staff_type_without_the_permission_is_refused_before_the_endpoint_runs()
    {
        var reached = false;
        var ex = await Assert.ThrowsAsync<Forbidden>(() =>
            Call(PermissionMatrix.EnableGuardianLogin, Staff(StaffType.Teacher), () => reached = true));

        Assert.False(reached);
        Assert.Contains("Enable parent/guardian login", ex.Message);
    }

    [Fact]
    public async Task A_guardian_is_refused_even_a_row_every_staff_type_holds()
    {
        await Assert.ThrowsAsync<Forbidden>(() => Call(PermissionMatrix.ViewSchools, Principal(AccountKind.Guardian, null)));
    }

    [Fact]
    public async Task An_operator_runs_with_organisation_scope()
    {
        var (_, http) = await Call(PermissionMatrix.SetUpFirstEducatorAccount, Principal(AccountKind.Operator, null));
        Assert.Equal(Scope.Organisation, http.GrantedScope());
    }

    [Fact]
    public void Without_the_filter_no_scope_is_granted()
    {
        Assert.Equal(Scope.None, new DefaultHttpContext().GrantedScope());
    }

    [Fact]
    public void The_endpoint_carries_its_permission_as_metadata()
    {
        var endpoint = Build(PermissionMatrix.ImportStaff);
        Assert.Contains(PermissionMatrix.ImportStaff, endpoint.Metadata);
    }

    private static async Task<(bool Reached, HttpContext Http)> Call(Permission permission, ClaimsPrincipal user, Action? onReached = null)
    {
        var reached = false;
        EndpointFilterDelegate endpoint = _ =>
        {
            reached = true;
            onReached?.Invoke();
            return ValueTask.FromResult<object?>(Results.Ok());
        };
        var builder = Build(permission);
        var factoryContext = new EndpointFilterFactoryContext
        {
            MethodInfo = endpoint.Method,
            ApplicationServices = new ServiceCollection().BuildServiceProvider(),
        };
        var pipeline = builder.FilterFactories.Reverse().Aggregate(endpoint, (next, factory) => factory(factoryContext, next));
        var http = new DefaultHttpContext { User = user };
        await pipeline(EndpointFilterInvocationContext.Create(http));
        return (reached, http);
    }

    private static RouteEndpointBuilder Build(Permission permission)
    {
        var conventions = new Conventions();
        conventions.RequirePermission(permission);
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/"), 0);
        foreach (var convention in conventions.Applied)
            convention(builder);
        return builder;
    }

    private static ClaimsPrincipal Staff(StaffType type) => Principal(AccountKind.Staff, type);

    private static ClaimsPrincipal Principal(AccountKind kind, StaffType? type)
    {
        List<Claim> claims =
        [
            new(PortalClaims.Subject, Guid.NewGuid().ToString()),
            new(PortalClaims.Kind, ClaimValues.Of(kind)),
            new(PortalClaims.Organisation, Guid.NewGuid().ToString()),
            new(PortalClaims.Institution, Guid.NewGuid().ToString()),
        ];
        if (type is { } t)
            claims.Add(new Claim(PortalClaims.StaffType, ClaimValues.Of(t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private sealed class Conventions : IEndpointConventionBuilder
    {
        public List<Action<EndpointBuilder>> Applied { get; } = [];
        public void Add(Action<EndpointBuilder> convention) => Applied.Add(convention);
    }
}
