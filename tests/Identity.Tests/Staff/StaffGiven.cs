using Portal.Identity.Staff;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Tests.Staff;

/// <summary>Builders shared by the staff tests: two schools, actors of each type, and event folding.</summary>
static class StaffGiven
{
    public static readonly Guid Organisation = Guid.NewGuid();
    public static readonly Guid OwnSchool = Guid.NewGuid();
    public static readonly Guid OtherSchool = Guid.NewGuid();
    public static readonly DateTimeOffset At = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static StaffActor Actor(StaffType type) =>
        new(Guid.NewGuid(), type, type is StaffType.BuildingAdministrator or StaffType.Teacher ? [OwnSchool] : []);

    public static StaffTarget Target(StaffType type, Guid? school = null) => new(Guid.NewGuid(), type, [school ?? OwnSchool]);

    public static StaffTarget Self(StaffActor actor) => new(actor.Id, actor.Type, actor.Institutions);

    public static StaffAccountRegistered Registered(Guid accountId, StaffType type, Guid? school = null) =>
        new(accountId, Organisation, "ann.example@school.test", "Ann", "Example", type, [school ?? OwnSchool], [], Guid.NewGuid(), At);

    public static StaffAccountState Account(params object[] events)
    {
        var state = StaffAccountState.Create((StaffAccountRegistered)events[0]);
        foreach (var e in events.Skip(1))
            state = e switch
            {
                StaffAccountEdited x => state.Apply(x),
                StaffAccountDeactivated x => state.Apply(x),
                StaffAccountActivated x => state.Apply(x),
                StaffTypeChanged x => state.Apply(x),
                BusinessRolesAssigned x => state.Apply(x),
                _ => throw new ArgumentException($"Unknown event {e.GetType().Name}"),
            };
        return state;
    }

    public static StaffAssociationsState? Associations(Guid profileId, params object[] events)
    {
        var state = StaffAssociationsState.Empty(profileId);
        foreach (var e in events)
            state = e switch
            {
                AssociatedWithSchool x => state.Apply(x),
                AssociatedWithCluster x => state.Apply(x),
                AssociatedWithAllInstitutions x => state.Apply(x),
                SchoolAssociationRemoved x => state.Apply(x),
                ClusterAssociationRemoved x => state.Apply(x),
                AllInstitutionsAssociationRemoved x => state.Apply(x),
                _ => throw new ArgumentException($"Unknown event {e.GetType().Name}"),
            };
        return state;
    }
}
