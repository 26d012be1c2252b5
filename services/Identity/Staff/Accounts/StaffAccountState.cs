using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

/// <summary>A staff account; Marten live-aggregates it through the public Create/Apply methods.</summary>
public sealed record StaffAccountState(
    Guid Id,
    Guid OrganisationId,
    string Email,
    string GivenName,
    string FamilyName,
    StaffType Type,
    IReadOnlyList<Guid> Institutions,
    IReadOnlyList<BusinessRole> Roles,
    bool Active)
{
    public static StaffAccountState Create(StaffAccountRegistered e) => new(
        e.AccountId, e.OrganisationId, e.Email, e.GivenName, e.FamilyName, e.Type, e.Institutions, e.Roles, Active: true);

    public StaffAccountState Apply(StaffAccountEdited e) =>
        this with { Email = e.Email, GivenName = e.GivenName, FamilyName = e.FamilyName };

    public StaffAccountState Apply(StaffAccountDeactivated e) => this with { Active = false };

    public StaffAccountState Apply(StaffAccountActivated e) => this with { Active = true };

    public StaffAccountState Apply(StaffTypeChanged e) => this with { Type = e.To };

    public StaffAccountState Apply(BusinessRolesAssigned e) => this with { Roles = e.Roles };

    public StaffTarget AsTarget() => new(Id, Type, Institutions);
}
