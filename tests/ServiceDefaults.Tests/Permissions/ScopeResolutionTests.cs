using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>A granted scope against the resource the owning service describes.</summary>
public sealed class ScopeResolutionTests
{
    private static readonly Guid MySchool = Guid.NewGuid();
    private static readonly Guid OtherSchool = Guid.NewGuid();
    private static readonly PortalCaller Me =
        new(Guid.NewGuid(), AccountKind.Staff, StaffType.Teacher, Guid.NewGuid(), new HashSet<Guid> { MySchool });

    [Fact]
    public void Own_classes_reach_a_student_in_a_class_the_caller_teaches()
    {
        Assert.True(Scope.OwnClasses.Reaches(Me, ScopedResource.InClasses(MySchool, [Guid.NewGuid(), Me.AccountId])));
    }

    [Fact]
    public void Own_classes_do_not_reach_a_student_of_another_teacher_in_the_same_school()
    {
        Assert.False(Scope.OwnClasses.Reaches(Me, ScopedResource.InClasses(MySchool, [Guid.NewGuid()])));
    }

    [Fact]
    public void Own_classes_do_not_reach_a_class_the_caller_still_teaches_at_a_school_they_left()
    {
        Assert.False(Scope.OwnClasses.Reaches(Me, ScopedResource.InClasses(OtherSchool, [Me.AccountId])));
    }

    [Fact]
    public void Own_classes_do_not_reach_a_school_wide_resource()
    {
        Assert.False(Scope.OwnClasses.Reaches(Me, ScopedResource.InSchool(MySchool)));
    }

    [Fact]
    public void Self_reaches_only_the_callers_own_account()
    {
        Assert.True(Scope.Self.Reaches(Me, ScopedResource.AccountOf(Me.AccountId, [MySchool])));
        Assert.False(Scope.Self.Reaches(Me, ScopedResource.AccountOf(Guid.NewGuid(), [MySchool])));
        Assert.False(Scope.Self.Reaches(Me, ScopedResource.InClasses(MySchool, [Me.AccountId])));
    }

    [Fact]
    public void A_caller_without_an_account_id_is_nobodys_self()
    {
        var anonymous = Me with { AccountId = Guid.Empty };
        Assert.False(Scope.Self.Reaches(anonymous, ScopedResource.AccountOf(Guid.Empty, [MySchool])));
        Assert.False(Scope.OwnClasses.Reaches(anonymous, ScopedResource.InClasses(MySchool, [Guid.Empty])));
    }

    [Theory]
    [InlineData(Scope.OwnClasses)]
    [InlineData(Scope.OwnInstitution)]
    [InlineData(Scope.Organisation)]
    public void Every_wider_scope_contains_the_callers_own_account(Scope scope)
    {
        Assert.True(scope.Reaches(Me, ScopedResource.AccountOf(Me.AccountId, [])));
    }

    [Fact]
    public void Own_institution_reaches_the_callers_schools_and_no_other()
    {
        Assert.True(Scope.OwnInstitution.Reaches(Me, ScopedResource.InSchool(MySchool)));
        Assert.True(Scope.OwnInstitution.Reaches(Me, ScopedResource.InClasses(MySchool, [Guid.NewGuid()])));
        Assert.False(Scope.OwnInstitution.Reaches(Me, ScopedResource.InSchool(OtherSchool)));
    }

    [Fact]
    public void Organisation_reaches_every_school_and_none_reaches_nothing()
    {
        Assert.True(Scope.Organisation.Reaches(Me, ScopedResource.InSchool(OtherSchool)));
        Assert.False(Scope.None.Reaches(Me, ScopedResource.AccountOf(Me.AccountId, [MySchool])));
    }
}
