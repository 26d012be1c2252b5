using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

public sealed record RegisterStaffAccount(
    Guid AccountId, Guid OrganisationId, string Email, string GivenName, string FamilyName, StaffType Type,
    IReadOnlyList<Guid> Institutions, IReadOnlyList<BusinessRole> Roles, AddingMode Mode, StaffActor Actor, DateTimeOffset At);

public sealed record StaffAccountRegistered(
    Guid AccountId, Guid OrganisationId, string Email, string GivenName, string FamilyName, StaffType Type,
    IReadOnlyList<Guid> Institutions, IReadOnlyList<BusinessRole> Roles, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    /// <param name="state">Null for a new stream; anything else means the id is taken.</param>
    /// <remarks>That the email is unique needs a read model: the endpoint checks it.</remarks>
    public static object[] Decide(RegisterStaffAccount command, StaffAccountState? state)
    {
        if (state is not null)
            throw new RuleViolation($"Staff account {state.Id} already exists.");
        if (command.AccountId == Guid.Empty)
            throw new ValidationFailed("accountId", "Account id is required.");
        if (command.OrganisationId == Guid.Empty)
            throw new ValidationFailed("organisationId", "Organisation id is required.");

        var type = ValidType(command.Type);
        var institutions = command.Institutions.Distinct().ToList();
        // Teachers and Building Administrators work in a school; organisation-level staff may have none.
        if (type is StaffType.Teacher or StaffType.BuildingAdministrator && institutions.Count == 0)
            throw new ValidationFailed("institutions", $"A {StaffManagementRules.Label(type)} needs at least one school.");

        var email = NormaliseEmail(command.Email);
        var given = ValidName(command.GivenName, "givenName", "Given name");
        var family = ValidName(command.FamilyName, "familyName", "Family name");
        StaffManagementRules.EnsureMayAdd(command.Actor, type, institutions, command.Mode);
        if (command.Roles.Count > 0)
            StaffManagementRules.EnsureMayAssignBusinessRoles(command.Actor, new StaffTarget(command.AccountId, type, institutions));

        return
        [
            new StaffAccountRegistered(command.AccountId, command.OrganisationId, email, given, family, type, institutions,
                ValidRoles(command.Roles), command.Actor.Id, command.At.ToUniversalTime()),
        ];
    }
}
