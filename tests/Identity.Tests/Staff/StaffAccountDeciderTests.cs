using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static Portal.Identity.Tests.Staff.StaffGiven;
using static Portal.ServiceDefaults.Security.StaffType;

namespace Portal.Identity.Tests.Staff;

public class StaffAccountDeciderTests
{
    static RegisterStaffAccount Register(
        string email = "ann.example@school.test", string given = "Ann", string family = "Example", StaffType type = Teacher,
        AddingMode mode = AddingMode.Individually, StaffActor? actor = null, IReadOnlyList<BusinessRole>? roles = null) =>
        new(Guid.NewGuid(), Organisation, email, given, family, type, [OwnSchool], roles ?? [], mode,
            actor ?? Actor(DistrictAdministrator), At);

    [Fact]
    public void Registering_trims_and_lower_cases_the_email()
    {
        var command = Register(email: "  Ann.Example@School.TEST ");
        var registered = Assert.IsType<StaffAccountRegistered>(Assert.Single(StaffAccount.Decide(command, null)));
        Assert.Equal("ann.example@school.test", registered.Email);
        Assert.Equal(command.Actor.Id, registered.ActorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@school.test")]
    [InlineData("ann@school")]
    [InlineData("ann example@school.test")]
    [InlineData("Ann <ann@school.test>")]
    public void Registering_refuses_what_is_not_an_email_address(string email)
    {
        var refusal = Assert.Throws<ValidationFailed>(() => StaffAccount.Decide(Register(email: email), null));
        Assert.Contains("email", refusal.Errors.Keys);
    }

    [Fact]
    public void Registering_requires_both_names_up_to_100_characters()
    {
        Assert.Contains("givenName", Assert.Throws<ValidationFailed>(() => StaffAccount.Decide(Register(given: " "), null)).Errors.Keys);
        Assert.Contains("familyName",
            Assert.Throws<ValidationFailed>(() => StaffAccount.Decide(Register(family: new string('x', 101)), null)).Errors.Keys);
        Assert.Single(StaffAccount.Decide(Register(family: new string('x', 100)), null));
    }

    [Fact]
    public void Registering_an_administrator_in_bulk_is_forbidden() =>
        Assert.Throws<Forbidden>(() => StaffAccount.Decide(Register(type: BuildingAdministrator, mode: AddingMode.InBulk), null));

    [Fact]
    public void Registering_a_teacher_in_bulk_is_allowed() =>
        Assert.Single(StaffAccount.Decide(Register(mode: AddingMode.InBulk, actor: Actor(BuildingAdministrator)), null));

    [Fact]
    public void Registering_a_taken_account_id_is_a_conflict()
    {
        var command = Register();
        Assert.Throws<RuleViolation>(() => StaffAccount.Decide(command, Account(Registered(command.AccountId, Teacher))));
    }

    [Fact]
    public void Registering_trust_staff_with_a_business_role_keeps_its_permissions()
    {
        var command = Register(type: CustomerAdministrator, roles: [BusinessRoles.MisAccess]);
        var state = StaffAccountState.Create((StaffAccountRegistered)StaffAccount.Decide(command, null)[0]);
        Assert.Contains(state.Roles, r => r.Grants(BusinessRoles.LoginToMisAssociatedInstitutions));
    }

    [Fact]
    public void Editing_stores_the_normalised_email_and_trimmed_names()
    {
        var id = Guid.NewGuid();
        var actor = Actor(CustomerAdministrator);
        var events = StaffAccount.Decide(new EditStaffAccount(id, " NEW@School.test", " Anne ", "Example", actor, At), Account(Registered(id, Teacher)));
        Assert.Equal(new StaffAccountEdited(id, "new@school.test", "Anne", "Example", actor.Id, At), Assert.Single(events));
    }

    [Fact]
    public void Editing_to_the_same_details_changes_nothing()
    {
        var id = Guid.NewGuid();
        Assert.Empty(StaffAccount.Decide(
            new EditStaffAccount(id, "ANN.example@school.test", "Ann", "Example", Actor(DistrictAdministrator), At), Account(Registered(id, Teacher))));
    }

    [Fact]
    public void A_teacher_edits_their_own_account_but_not_a_colleagues()
    {
        var teacher = Actor(Teacher);
        var own = Account(Registered(teacher.Id, Teacher));
        Assert.Single(StaffAccount.Decide(new EditStaffAccount(teacher.Id, "me@school.test", "Ann", "Example", teacher, At), own));

        var colleague = Guid.NewGuid();
        Assert.Throws<Forbidden>(() =>
            StaffAccount.Decide(new EditStaffAccount(colleague, "me@school.test", "Ann", "Example", teacher, At), Account(Registered(colleague, Teacher))));
    }

    [Fact]
    public void Editing_an_unknown_account_is_not_found() =>
        Assert.Throws<NotFound>(() => StaffAccount.Decide(new EditStaffAccount(Guid.NewGuid(), "a@b.test", "A", "B", Actor(DistrictAdministrator), At), null));

    [Fact]
    public void Deactivating_then_activating_a_teacher()
    {
        var id = Guid.NewGuid();
        var actor = Actor(BuildingAdministrator);
        var deactivated = StaffAccount.Decide(new DeactivateStaffAccount(id, actor, At), Account(Registered(id, Teacher)));
        Assert.Equal(new StaffAccountDeactivated(id, actor.Id, At), Assert.Single(deactivated));

        var state = Account(Registered(id, Teacher), deactivated[0]);
        Assert.False(state.Active);
        Assert.Empty(StaffAccount.Decide(new DeactivateStaffAccount(id, actor, At), state));
        Assert.Equal(new StaffAccountActivated(id, actor.Id, At), Assert.Single(StaffAccount.Decide(new ActivateStaffAccount(id, actor, At), state)));
    }

    [Fact]
    public void Deactivating_yourself_is_forbidden_even_for_a_district_administrator()
    {
        var actor = Actor(DistrictAdministrator);
        Assert.Throws<Forbidden>(() => StaffAccount.Decide(new DeactivateStaffAccount(actor.Id, actor, At), Account(Registered(actor.Id, DistrictAdministrator))));
    }

    [Fact]
    public void A_building_administrator_may_not_deactivate_another_building_administrator()
    {
        var id = Guid.NewGuid();
        Assert.Throws<Forbidden>(() =>
            StaffAccount.Decide(new DeactivateStaffAccount(id, Actor(BuildingAdministrator), At), Account(Registered(id, BuildingAdministrator))));
    }

    [Fact]
    public void Changing_staff_type_records_from_and_to()
    {
        var id = Guid.NewGuid();
        var actor = Actor(DistrictAdministrator);
        var events = StaffAccount.Decide(new ChangeStaffType(id, BuildingAdministrator, actor, At), Account(Registered(id, Teacher)));
        Assert.Equal(new StaffTypeChanged(id, Teacher, BuildingAdministrator, actor.Id, At), Assert.Single(events));
        Assert.Equal(BuildingAdministrator, Account(Registered(id, Teacher), events[0]).Type);
    }

    [Fact]
    public void A_building_administrator_may_not_make_a_teacher_a_customer_administrator()
    {
        var id = Guid.NewGuid();
        Assert.Throws<Forbidden>(() =>
            StaffAccount.Decide(new ChangeStaffType(id, CustomerAdministrator, Actor(BuildingAdministrator), At), Account(Registered(id, Teacher))));
    }

    [Fact]
    public void Assigning_business_roles_replaces_them_and_repeating_changes_nothing()
    {
        var id = Guid.NewGuid();
        var actor = Actor(DistrictAdministrator);
        var events = StaffAccount.Decide(new AssignBusinessRoles(id, [BusinessRoles.MisAccess], actor, At), Account(Registered(id, CustomerAdministrator)));
        var state = Account(Registered(id, CustomerAdministrator), Assert.Single(events));
        Assert.True(state.Roles.Single().Grants("Login to MIS: Associated institutions"));
        Assert.Empty(StaffAccount.Decide(new AssignBusinessRoles(id, [new BusinessRole("MIS access", [BusinessRoles.LoginToMisAssociatedInstitutions])], actor, At), state));
    }

    [Fact]
    public void Assigning_the_same_role_twice_is_invalid()
    {
        var id = Guid.NewGuid();
        Assert.Throws<ValidationFailed>(() => StaffAccount.Decide(
            new AssignBusinessRoles(id, [BusinessRoles.MisAccess, BusinessRoles.MisAccess], Actor(DistrictAdministrator), At),
            Account(Registered(id, CustomerAdministrator))));
    }

    [Fact]
    public void A_teacher_may_not_grant_themselves_a_business_role()
    {
        var teacher = Actor(Teacher);
        Assert.Throws<Forbidden>(() =>
            StaffAccount.Decide(new AssignBusinessRoles(teacher.Id, [BusinessRoles.MisAccess], teacher, At), Account(Registered(teacher.Id, Teacher))));
    }
}
