using NetArchTest.Rules;

namespace Portal.Architecture.Tests;

/// <summary>Deciders and their state are pure: no store, no broker, no HTTP. Endpoints and wiring may use them.</summary>
public sealed class DeciderPurityTests
{
    private static readonly string[] Infrastructure = ["Marten", "JasperFx", "MassTransit", "Microsoft.AspNetCore", "Npgsql"];

    [Fact]
    public void Institution_domain_types_do_not_depend_on_infrastructure()
    {
        var result = Types.InAssembly(typeof(Portal.Institution.Schools.School).Assembly)
            .That().ResideInNamespaceStartingWith("Portal.Institution")
            .And().DoNotResideInNamespace("Portal.Institution.Messaging")
            .And().DoNotResideInNamespace("Portal.Institution.Access")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        // Endpoint classes sit in the feature folders beside the deciders by design (vertical slices), and
        // Marten's source generator adds file-local evolvers (names starting with '<') beside each state.
        var offenders = (result.FailingTypeNames ?? [])
            .Where(name => !name.Contains("Endpoints") && !name.Split('.').Last().StartsWith('<'))
            .ToList();
        Assert.True(offenders.Count == 0, "Domain types depend on infrastructure: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Roster_deciders_and_their_state_do_not_depend_on_infrastructure()
    {
        // The deciders, their state and every command and event record beside them (endpoints share the folders).
        var domain = Types.InAssembly(typeof(Portal.Roster.Students.Student).Assembly)
            .That().ResideInNamespaceMatching("^Portal\\.Roster\\.(Students|Classes)$")
            .And().HaveNameMatching("^(Student|StudentState|Class|ClassState|Student[A-Z]\\w*ed|Class[A-Z]\\w*ed|Sync[A-Z]\\w*)$");
        var result = domain.ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        Assert.Contains(domain.GetTypes(), t => t == typeof(Portal.Roster.Students.Student));
        Assert.Contains(domain.GetTypes(), t => t == typeof(Portal.Roster.Classes.ClassState));
        Assert.True(result.IsSuccessful, "Deciders depend on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData(typeof(Portal.Roster.Contracts.MisStudentSynced))]
    [InlineData(typeof(Portal.Identity.Contracts.StaffAccountChanged))]
    [InlineData(typeof(Portal.AccessCode.Contracts.GuardianPaired))]
    public void Other_contracts_depend_on_nothing_but_themselves(Type message)
    {
        var result = Types.InAssembly(message.Assembly)
            .ShouldNot().HaveDependencyOnAny([.. Infrastructure, "Portal.ServiceDefaults", "Portal.Roster.Students", "Portal.Identity.Staff"])
            .GetResult();

        Assert.True(result.IsSuccessful, "Contracts depend on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_access_code_and_pairing_deciders_and_their_state_do_not_depend_on_infrastructure()
    {
        // The deciders, their state, commands and events (endpoints and store wiring share the feature folders).
        var domain = Types.InAssembly(typeof(Portal.AccessCode.Codes.AccessCodeState).Assembly)
            .That().ResideInNamespaceMatching("^Portal\\.AccessCode\\.(Codes|Pairing)$")
            .And().HaveNameMatching("^(AccessCode|AccessCodeState|AccessCodeText|AccessCodeLookup|Pairing|NewCode|SealedCode|ResetReason|"
                                    + "IssueAccessCode|ResetAccessCode|PairGuardian|RevokeGuardianAccess|NoteStudentStatus|AccessCodeIssued|"
                                    + "AccessCodeReset|GuardianPairedWithStudent|GuardianAccessRevokedFromStudent|StudentStatusNoted|"
                                    + "PairingLimits|PairingAttemptsState|PairingAttemptFailed|PairingLocked|RecordFailedPairing)$");
        var result = domain.ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        Assert.Contains(domain.GetTypes(), t => t == typeof(Portal.AccessCode.Codes.AccessCodeState));
        Assert.Contains(domain.GetTypes(), t => t == typeof(Portal.AccessCode.Pairing.PairingLimits));
        Assert.Equal(23, domain.GetTypes().Count());
        Assert.True(result.IsSuccessful, "Access-code deciders depend on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_student_login_decider_its_state_and_events_do_not_depend_on_infrastructure()
    {
        var domain = Types.InAssembly(typeof(Portal.Identity.Students.StudentLogin).Assembly)
            .That().ResideInNamespace("Portal.Identity.Students")
            .And().HaveNameMatching("^(StudentLogin|DecideStudentLogin|StudentLoginState|StudentLoginEnabled|StudentLoginDisabled|"
                                    + "StudentUsernameChanged|StudentLoginMoved|StudentLoginWithheld|StudentLoginReasons)$");
        var result = domain.ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        Assert.Equal(9, domain.GetTypes().Count());
        Assert.True(result.IsSuccessful, "The student-login decider depends on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_billing_rule_and_the_login_history_decider_do_not_depend_on_infrastructure()
    {
        var domain = Types.InAssembly(typeof(Portal.Billing.Ledger.BillingRule).Assembly)
            .That().ResideInNamespaceMatching("^Portal\\.Billing\\.Ledger(\\.History)?$")
            .And().HaveNameMatching("^(BillingRule|TermWindow|TermCharge|LoginInterval|LoginHistory|LoginHistoryState|LoginTransition|"
                                    + "RecordLoginTransition|LoginEnabledRecorded|LoginDisabledRecorded)$");
        var result = domain.ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        Assert.Equal(10, domain.GetTypes().Count());
        Assert.True(result.IsSuccessful, "The billing rule depends on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Institution_contracts_depend_on_nothing_of_the_service()
    {
        var result = Types.InAssembly(typeof(Portal.Institution.Contracts.InstitutionRegistered).Assembly)
            .ShouldNot().HaveDependencyOnAny([.. Infrastructure, "Portal.Institution.Schools", "Portal.ServiceDefaults"])
            .GetResult();

        Assert.True(result.IsSuccessful, "Contracts depend on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
