using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.SignIn;

public sealed record SetTwoFactorPolicy(Guid OrganisationId, bool RequiredForAllStaff, IReadOnlyList<Guid> RequiredInstitutions, PortalCaller Actor, DateTimeOffset At);

public sealed record TwoFactorPolicySet(Guid OrganisationId, bool RequiredForAllStaff, IReadOnlyList<Guid> RequiredInstitutions, Guid ActorId, DateTimeOffset At);

/// <summary>Where an organisation requires staff to sign in with a second factor: everywhere, or in chosen schools.</summary>
public sealed record TwoFactorPolicyState(Guid Id, bool RequiredForAllStaff, IReadOnlyList<Guid> RequiredInstitutions)
{
    public static TwoFactorPolicyState Create(TwoFactorPolicySet e) => new(e.OrganisationId, e.RequiredForAllStaff, e.RequiredInstitutions);

    public TwoFactorPolicyState Apply(TwoFactorPolicySet e) => this with
    {
        RequiredForAllStaff = e.RequiredForAllStaff, RequiredInstitutions = e.RequiredInstitutions,
    };

    public bool Requires(IReadOnlyList<Guid> institutions) => RequiredForAllStaff || institutions.Any(RequiredInstitutions.Contains);
}

public static class TwoFactorPolicy
{
    public static object[] Decide(SetTwoFactorPolicy command, TwoFactorPolicyState? state)
    {
        if (command.Actor is not ({ Kind: AccountKind.Staff, StaffType: StaffType.DistrictAdministrator } or { Kind: AccountKind.Operator }))
            throw new Forbidden("Only District Administrators set their organisation's two-factor policy.");
        var institutions = command.RequiredInstitutions.Distinct().ToList();
        if (institutions.Contains(Guid.Empty))
            throw new ValidationFailed("requiredInstitutions", "School ids must not be empty.");
        if (state is not null && state.RequiredForAllStaff == command.RequiredForAllStaff
            && state.RequiredInstitutions.Order().SequenceEqual(institutions.Order()))
            return [];
        return [new TwoFactorPolicySet(command.OrganisationId, command.RequiredForAllStaff, institutions, command.Actor.AccountId, command.At.ToUniversalTime())];
    }
}
