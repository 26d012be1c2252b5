using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static Portal.Identity.Tests.Staff.StaffGiven;
using static Portal.ServiceDefaults.Security.StaffType;

namespace Portal.Identity.Tests.Staff;

public class StaffManagementRulesTests
{
    // Setting up an educator account for the first time

    [Fact]
    public void District_administrators_may_set_up_an_educator_account_for_the_first_time() =>
        StaffManagementRules.EnsureMayAdd(Actor(DistrictAdministrator), Teacher, [OwnSchool], AddingMode.FirstTimeSetUp);

    [Theory]
    [InlineData(CustomerAdministrator)]
    [InlineData(BuildingAdministrator)]
    [InlineData(Teacher)]
    public void Nobody_else_may_set_up_an_educator_account_for_the_first_time(StaffType actor)
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayAdd(Actor(actor), Teacher, [OwnSchool], AddingMode.FirstTimeSetUp));
        Assert.Equal("Only District Administrators may set up an educator account for the first time.", refusal.Message);
    }

    // Adding individually

    [Theory]
    [InlineData(DistrictAdministrator, DistrictAdministrator)]
    [InlineData(DistrictAdministrator, CustomerAdministrator)]
    [InlineData(DistrictAdministrator, BuildingAdministrator)]
    [InlineData(DistrictAdministrator, Teacher)]
    [InlineData(CustomerAdministrator, DistrictAdministrator)]
    [InlineData(CustomerAdministrator, CustomerAdministrator)]
    [InlineData(CustomerAdministrator, BuildingAdministrator)]
    [InlineData(CustomerAdministrator, Teacher)]
    [InlineData(BuildingAdministrator, BuildingAdministrator)]
    [InlineData(BuildingAdministrator, Teacher)]
    public void Administrators_may_add_these_staff_individually(StaffType actor, StaffType added) =>
        StaffManagementRules.EnsureMayAdd(Actor(actor), added, [OwnSchool], AddingMode.Individually);

    [Theory]
    [InlineData(DistrictAdministrator)]
    [InlineData(CustomerAdministrator)]
    public void Building_administrators_may_not_add_organisation_administrators(StaffType added)
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayAdd(Actor(BuildingAdministrator), added, [OwnSchool], AddingMode.Individually));
        Assert.Equal("Building Administrators may add only Building Administrators and teachers.", refusal.Message);
    }

    [Theory]
    [InlineData(BuildingAdministrator)]
    [InlineData(Teacher)]
    public void Building_administrators_may_not_add_staff_to_another_school(StaffType added)
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayAdd(Actor(BuildingAdministrator), added, [OtherSchool], AddingMode.Individually));
        Assert.Equal("Building Administrators may add staff only in their own school.", refusal.Message);
    }

    [Fact]
    public void Building_administrators_may_not_add_staff_to_their_school_and_another_at_once() =>
        Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayAdd(Actor(BuildingAdministrator), Teacher, [OwnSchool, OtherSchool], AddingMode.Individually));

    [Theory]
    [InlineData(AddingMode.Individually)]
    [InlineData(AddingMode.InBulk)]
    public void Teachers_may_not_add_staff(AddingMode mode)
    {
        var refusal = Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayAdd(Actor(Teacher), Teacher, [OwnSchool], mode));
        Assert.Equal("Teachers may not add staff accounts.", refusal.Message);
    }

    // Adding multiple educators

    [Theory]
    [InlineData(DistrictAdministrator)]
    [InlineData(CustomerAdministrator)]
    [InlineData(BuildingAdministrator)]
    public void Administrators_may_add_teachers_in_bulk(StaffType actor) =>
        StaffManagementRules.EnsureMayAdd(Actor(actor), Teacher, [OwnSchool], AddingMode.InBulk);

    [Theory]
    [InlineData(DistrictAdministrator, DistrictAdministrator, "District Administrator")]
    [InlineData(DistrictAdministrator, CustomerAdministrator, "Customer Administrator")]
    [InlineData(CustomerAdministrator, BuildingAdministrator, "Building Administrator")]
    [InlineData(BuildingAdministrator, BuildingAdministrator, "Building Administrator")]
    public void Administrator_accounts_are_refused_in_bulk(StaffType actor, StaffType added, string label)
    {
        var refusal = Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayAdd(Actor(actor), added, [OwnSchool], AddingMode.InBulk));
        Assert.Equal($"{label} accounts can only be added individually, not in bulk.", refusal.Message);
    }

    [Fact]
    public void Building_administrators_may_not_add_teachers_to_another_school_in_bulk() =>
        Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayAdd(Actor(BuildingAdministrator), Teacher, [OtherSchool], AddingMode.InBulk));

    // Editing

    [Theory]
    [InlineData(DistrictAdministrator, DistrictAdministrator)]
    [InlineData(DistrictAdministrator, CustomerAdministrator)]
    [InlineData(DistrictAdministrator, BuildingAdministrator)]
    [InlineData(DistrictAdministrator, Teacher)]
    [InlineData(CustomerAdministrator, DistrictAdministrator)]
    [InlineData(CustomerAdministrator, CustomerAdministrator)]
    [InlineData(CustomerAdministrator, BuildingAdministrator)]
    [InlineData(CustomerAdministrator, Teacher)]
    public void Organisation_administrators_may_edit_any_staff_account(StaffType actor, StaffType target) =>
        StaffManagementRules.EnsureMayEdit(Actor(actor), Target(target, OtherSchool));

    [Fact]
    public void Building_administrators_may_edit_teachers_of_their_school() =>
        StaffManagementRules.EnsureMayEdit(Actor(BuildingAdministrator), Target(Teacher));

    [Fact]
    public void Building_administrators_may_not_edit_other_building_administrators()
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayEdit(Actor(BuildingAdministrator), Target(BuildingAdministrator)));
        Assert.Equal("Building Administrators may not edit other Building Administrators.", refusal.Message);
    }

    [Fact]
    public void Building_administrators_may_not_edit_teachers_of_another_school()
    {
        var refusal = Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayEdit(Actor(BuildingAdministrator), Target(Teacher, OtherSchool)));
        Assert.Equal("Building Administrators may edit only staff of their own school.", refusal.Message);
    }

    [Theory]
    [InlineData(DistrictAdministrator)]
    [InlineData(CustomerAdministrator)]
    [InlineData(BuildingAdministrator)]
    [InlineData(Teacher)]
    public void Everyone_may_edit_their_own_account(StaffType type)
    {
        var actor = Actor(type);
        StaffManagementRules.EnsureMayEdit(actor, Self(actor));
    }

    [Theory]
    [InlineData(Teacher)]
    [InlineData(BuildingAdministrator)]
    public void Teachers_may_not_edit_anyone_else(StaffType target)
    {
        var refusal = Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayEdit(Actor(Teacher), Target(target)));
        Assert.Equal("Teachers may edit only their own account.", refusal.Message);
    }

    // Activating and deactivating

    [Theory]
    [InlineData(DistrictAdministrator, DistrictAdministrator)]
    [InlineData(DistrictAdministrator, CustomerAdministrator)]
    [InlineData(DistrictAdministrator, BuildingAdministrator)]
    [InlineData(DistrictAdministrator, Teacher)]
    [InlineData(CustomerAdministrator, DistrictAdministrator)]
    [InlineData(CustomerAdministrator, CustomerAdministrator)]
    [InlineData(CustomerAdministrator, BuildingAdministrator)]
    [InlineData(CustomerAdministrator, Teacher)]
    public void Organisation_administrators_may_activate_and_deactivate_all_educators(StaffType actor, StaffType target)
    {
        var who = Actor(actor);
        var whom = Target(target, OtherSchool);
        StaffManagementRules.EnsureMayDeactivate(who, whom);
        StaffManagementRules.EnsureMayActivate(who, whom);
    }

    [Fact]
    public void Building_administrators_may_activate_and_deactivate_teachers_of_their_school()
    {
        StaffManagementRules.EnsureMayDeactivate(Actor(BuildingAdministrator), Target(Teacher));
        StaffManagementRules.EnsureMayActivate(Actor(BuildingAdministrator), Target(Teacher));
    }

    [Fact]
    public void Building_administrators_may_not_deactivate_other_building_administrators()
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayDeactivate(Actor(BuildingAdministrator), Target(BuildingAdministrator)));
        Assert.Equal("Building Administrators may deactivate only teachers, not Building Administrators.", refusal.Message);
    }

    [Theory]
    [InlineData(DistrictAdministrator)]
    [InlineData(CustomerAdministrator)]
    [InlineData(BuildingAdministrator)]
    public void Building_administrators_may_not_activate_administrators(StaffType target) =>
        Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayActivate(Actor(BuildingAdministrator), Target(target)));

    [Fact]
    public void Building_administrators_may_not_deactivate_teachers_of_another_school()
    {
        var refusal = Assert.Throws<Forbidden>(() =>
            StaffManagementRules.EnsureMayDeactivate(Actor(BuildingAdministrator), Target(Teacher, OtherSchool)));
        Assert.Equal("Building Administrators may deactivate only staff of their own school.", refusal.Message);
    }

    [Fact]
    public void Teachers_may_not_activate_or_deactivate_anyone()
    {
        Assert.Equal("Teachers may not deactivate staff accounts.",
            Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayDeactivate(Actor(Teacher), Target(Teacher))).Message);
        Assert.Equal("Teachers may not activate staff accounts.",
            Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayActivate(Actor(Teacher), Target(Teacher))).Message);
    }

    [Theory]
    [InlineData(DistrictAdministrator)]
    [InlineData(CustomerAdministrator)]
    [InlineData(BuildingAdministrator)]
    [InlineData(Teacher)]
    public void Nobody_may_deactivate_themselves(StaffType type)
    {
        var actor = Actor(type);
        var refusal = Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayDeactivate(actor, Self(actor)));
        Assert.Equal("Nobody may deactivate their own account.", refusal.Message);
    }

    // Business roles and staff type

    [Theory]
    [InlineData(BuildingAdministrator)]
    [InlineData(Teacher)]
    public void Only_organisation_administrators_may_assign_business_roles(StaffType actor)
    {
        StaffManagementRules.EnsureMayAssignBusinessRoles(Actor(CustomerAdministrator), Target(Teacher));
        Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayAssignBusinessRoles(Actor(actor), Target(Teacher)));
    }

    [Fact]
    public void Building_administrators_may_not_promote_a_teacher_beyond_building_administrator()
    {
        StaffManagementRules.EnsureMayChangeType(Actor(BuildingAdministrator), Target(Teacher), BuildingAdministrator);
        Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayChangeType(Actor(BuildingAdministrator), Target(Teacher), CustomerAdministrator));
    }

    [Fact]
    public void Nobody_may_change_their_own_staff_type()
    {
        var actor = Actor(DistrictAdministrator);
        Assert.Throws<Forbidden>(() => StaffManagementRules.EnsureMayChangeType(actor, Self(actor), Teacher));
    }
}
