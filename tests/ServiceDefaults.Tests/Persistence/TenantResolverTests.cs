using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Tests.Persistence;

public sealed class TenantResolverTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    [Fact]
    public void A_member_of_staff_acts_in_the_organisation_of_their_token()
    {
        var http = Request(StaffClaims(Organisation));
        Assert.Equal(Organisation.ToString(), Resolver(http).CurrentTenant());
    }

    [Fact]
    public void A_member_of_staff_cannot_switch_tenant_by_header_or_route()
    {
        var http = Request(StaffClaims(Organisation));
        http.Request.Headers[TenantResolver.OrganisationHeader] = Elsewhere.ToString();
        http.Request.RouteValues["org"] = Elsewhere.ToString();
        Assert.Equal(Organisation, Resolver(http).CurrentOrganisation());
    }

    [Fact]
    public void An_operator_acts_on_the_organisation_named_in_the_route()
    {
        var http = Request(OperatorClaims());
        http.Request.RouteValues["org"] = Organisation.ToString();
        Assert.Equal(Organisation.ToString(), Resolver(http).CurrentTenant());
    }

    [Fact]
    public void An_operator_acts_on_the_organisation_named_in_the_header()
    {
        var http = Request(OperatorClaims());
        http.Request.Headers[TenantResolver.OrganisationHeader] = Organisation.ToString();
        Assert.Equal(Organisation.ToString(), Resolver(http).CurrentTenant());
    }

    [Fact]
    public void An_operator_naming_no_organisation_is_told_to_send_the_header()
    {
        var http = Request(OperatorClaims());
        var refusal = Assert.Throws<ValidationFailed>(() => Resolver(http).CurrentTenant());
        Assert.Contains(TenantResolver.OrganisationHeader, refusal.Errors.Keys);
        Assert.Contains(TenantResolver.OrganisationHeader, refusal.Message);
    }

    [Fact]
    public void A_malformed_organisation_header_is_a_validation_failure()
    {
        var http = Request(OperatorClaims());
        http.Request.Headers[TenantResolver.OrganisationHeader] = "not-a-guid";
        var refusal = Assert.Throws<ValidationFailed>(() => Resolver(http).CurrentTenant());
        Assert.Contains(TenantResolver.OrganisationHeader, refusal.Errors.Keys);
        Assert.Contains("not-a-guid", refusal.Message);
    }

    [Fact]
    public void An_anonymous_request_belongs_to_no_tenant()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[TenantResolver.OrganisationHeader] = Organisation.ToString();
        Assert.Equal(TenantResolver.NoTenant, Resolver(http).CurrentTenant());
    }

    [Fact]
    public void A_guardian_belongs_to_no_tenant()
    {
        var http = Request([new Claim(PortalClaims.Subject, Guid.NewGuid().ToString()), new Claim(PortalClaims.Kind, "guardian")]);
        Assert.Equal(TenantResolver.NoTenant, Resolver(http).CurrentTenant());
    }

    [Fact]
    public void A_member_of_staff_whose_token_names_no_organisation_is_refused()
    {
        var http = Request([new Claim(PortalClaims.Subject, Guid.NewGuid().ToString()), new Claim(PortalClaims.Kind, "staff"),
            new Claim(PortalClaims.StaffType, "district_administrator")]);
        var refusal = Assert.Throws<Forbidden>(() => Resolver(http).CurrentTenant());
        Assert.Contains("no organisation", refusal.Message);
    }

    private static Claim[] StaffClaims(Guid organisation) =>
    [
        new(PortalClaims.Subject, Guid.NewGuid().ToString()),
        new(PortalClaims.Kind, "staff"),
        new(PortalClaims.StaffType, "district_administrator"),
        new(PortalClaims.Organisation, organisation.ToString()),
    ];

    private static Claim[] OperatorClaims() =>
        [new(PortalClaims.Subject, Guid.NewGuid().ToString()), new(PortalClaims.Kind, "operator")];

    private static DefaultHttpContext Request(Claim[] claims) =>
        new() { User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Bearer")) };

    private static TenantResolver Resolver(HttpContext http) => new(new HttpContextAccessor { HttpContext = http });
}
