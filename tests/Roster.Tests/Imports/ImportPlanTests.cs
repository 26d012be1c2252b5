using Portal.Roster.Classes;
using Portal.Roster.Imports;
using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Imports.Planning;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Staff;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Tests.Imports;

/// <summary>The dry run's decisions, row by row, without a database.</summary>
public sealed class ImportPlanTests
{
    internal static readonly Guid Organisation = Guid.NewGuid();
    internal static readonly DateTimeOffset At = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly KnownSchool Northfield = School("Northfield Academy", "NFA");
    private static readonly KnownSchool Southgate = School("Southgate School", "SGS");
    private static readonly ImportActor District = new(Guid.NewGuid(), StaffType.DistrictAdministrator, [], Scope.Organisation);

    internal static KnownSchool School(string name, string code, StudentRosterRules? rules = null) => new(Guid.NewGuid(), name, code,
        [new KnownYearGroup("R", "Reception"), .. Enumerable.Range(1, 13).Select(n => new KnownYearGroup($"Y{n}", $"Year {n}"))], 1,
        rules ?? StudentRosterRules.Default, 1);

    internal static ImportPlanResult Plan(OneRosterSample sample, ImportActor? actor = null, IEnumerable<KnownStaff>? staff = null,
        IEnumerable<StudentState>? students = null, IEnumerable<ClassState>? classes = null, params KnownSchool[] schools) =>
        ImportPlan.Decide(OneRosterZip.Read(sample.Zip()), new ImportContext(Organisation, actor ?? District, (actor ?? District).Id,
            schools.Length == 0 ? [Northfield, Southgate] : schools, (staff ?? []).ToList(),
            (students ?? []).ToDictionary(s => s.Id), (classes ?? []).ToDictionary(c => c.Id), At));

    private static ImportRowResult Row(ImportPlanResult plan, string file, string sourcedId) =>
        plan.Rows.Select(r => r.Result).Single(r => r.File == file && r.SourcedId == sourcedId);

    internal static (RowOutcome, string?) Outcome(ImportPlanResult plan, string file, string sourcedId) =>
        Row(plan, file, sourcedId) is var row ? (row.Outcome, row.Reason) : default;

    private static OneRosterSample Tutor10A() => new OneRosterSample()
        .School("org-n", identifier: "NFA")
        .Student("s-1", "org-n", "Ada", "Lovelace", "09", email: "Ada@School.example", identifier: "12345")
        .Student("s-2", "org-n", "Alan", "Turing", "10", enabledUser: "false")
        .Staff("t-1", "teacher", "org-n", "Tom", "Hardy", "tom@school.example")
        .Class("c-1", "10A Maths", "org-n")
        .Enrol("e-1", "c-1", "org-n", "s-1")
        .Enrol("e-2", "c-1", "org-n", "s-2")
        .Enrol("e-3", "c-1", "org-n", "t-1", "teacher");

    [Fact]
    public void New_students_are_created_by_school_and_sourcedId_with_year_group_number_and_email()
    {
        var plan = Plan(Tutor10A());

        var ada = Assert.IsType<StudentWrite>(plan.Rows.Single(r => r.Result.SourcedId == "s-1").Write).Command;
        Assert.Equal(RosterIds.Student(Organisation, Northfield.Id, "s-1"), ada.StudentId);
        Assert.Equal((Northfield.Id, "s-1", "Y9", "Ada@School.example", "12345", StudentSource.Import, (DateOnly?)null),
            (ada.SchoolId, ada.MisId, ada.YearGroup, ada.Email, ada.StudentInformationNumber, ada.Source, ada.DateLeft));
        Assert.Equal((RowOutcome.Created, "Enrolled at Northfield Academy in Y9."), Outcome(plan, "users.csv", "s-1"));
        Assert.Equal((RowOutcome.Created, "Enrolled at Northfield Academy in Y10, as left."), Outcome(plan, "users.csv", "s-2"));
        Assert.Equal(new DateOnly(2026, 10, 5),
            Assert.IsType<StudentWrite>(plan.Rows.Single(r => r.Result.SourcedId == "s-2").Write).Command.DateLeft);
        Assert.Equal((RowOutcome.Unchanged, "Northfield Academy."), Outcome(plan, "orgs.csv", "org-n"));
    }

    [Fact]
    public void A_class_takes_its_enrolled_students_and_awaits_a_teacher_without_a_staff_account()
    {
        var plan = Plan(Tutor10A());

        var command = Assert.IsType<ClassWrite>(plan.Rows.Single(r => r.Result.File == "classes.csv").Write).Command;
        Assert.Equal(RosterIds.Class(Organisation, Northfield.Id, "c-1"), command.ClassId);
        Assert.Equal([RosterIds.Student(Organisation, Northfield.Id, "s-1"), RosterIds.Student(Organisation, Northfield.Id, "s-2")], command.StudentIds);
        Assert.Equal(["tom@school.example"], command.AwaitedTeacherEmails);
        Assert.Empty(command.TeacherIds);
        Assert.Equal((RowOutcome.Created, "No staff account has the email tom@school.example yet; the class awaits one."),
            Outcome(plan, "enrollments.csv", "e-3"));
        Assert.Equal((RowOutcome.SentToIdentity, "Staff accounts are Identity's: it imports the row with its own rules."),
            Outcome(plan, "users.csv", "t-1"));
        var staffRow = Assert.Single(plan.StaffRows);
        Assert.Equal(("t-1", Northfield.Id.ToString(), "teacher", "tom@school.example"), (staffRow.SourcedId, staffRow.OrgSourcedIds, staffRow.Role, staffRow.Email));
    }

    [Fact]
    public void A_teacher_with_a_staff_account_is_assigned_by_the_email_on_their_users_row()
    {
        var tom = new KnownStaff(Guid.NewGuid(), "tom@school.example", "Tom", "Hardy", "teacher", [Northfield.Id], true, 1);

        var plan = Plan(Tutor10A(), staff: [tom]);

        var command = Assert.IsType<ClassWrite>(plan.Rows.Single(r => r.Result.File == "classes.csv").Write).Command;
        Assert.Equal([tom.Id], command.TeacherIds);
        Assert.Empty(command.AwaitedTeacherEmails);
        Assert.Equal((RowOutcome.Created, "Tom Hardy teaches the class."), Outcome(plan, "enrollments.csv", "e-3"));
    }

    [Fact]
    public void Planning_again_over_what_the_plan_wrote_leaves_every_row_unchanged()
    {
        var first = Plan(Tutor10A());
        var students = first.Rows.Select(r => r.Write).OfType<StudentWrite>()
            .Select(w => DeciderSpec<StudentState>.StateAfter(Student.Decide(w.Command, null)));
        var classes = first.Rows.Select(r => r.Write).OfType<ClassWrite>()
            .Select(w => DeciderSpec<ClassState>.StateAfter(Class.Decide(w.Command, null)));

        var again = Plan(Tutor10A(), students: students, classes: classes);

        Assert.All(again.Rows.Where(r => r.Result.File != "users.csv" || r.Result.SourcedId != "t-1"),
            row => Assert.Equal((RowOutcome.Unchanged, (PlannedWrite?)null), (row.Result.Outcome, row.Write)));
    }

    [Fact]
    public void Rows_naming_orgs_that_are_not_schools_of_the_organisation_are_refused()
    {
        var plan = Plan(new OneRosterSample()
            .School("district-1", name: "Shire LA", type: "district")
            .School("org-x", identifier: "NOPE")
            .School(Southgate.Id.ToString())
            .Student("s-1", "district-1,org-x", "Ada", "Lovelace", "9")
            .Student("s-2", "org-zzz", "Alan", "Turing", "9")
            .Student("s-3", $"district-1,{Southgate.Id}", "Grace", "Hopper", "9")
            .Student("s-4", "district-1", "Edsger", "Dijkstra", "9"));

        Assert.Equal((RowOutcome.Unchanged, "A district is not imported; schools are named by their own rows."), Outcome(plan, "orgs.csv", "district-1"));
        Assert.Equal((RowOutcome.Refused, "No school of this organisation has the id 'org-x' or the code 'NOPE'."), Outcome(plan, "orgs.csv", "org-x"));
        Assert.Equal((RowOutcome.Refused, "orgs.csv row 3 ('org-x') names no school of this organisation."), Outcome(plan, "users.csv", "s-1"));
        Assert.Equal((RowOutcome.Refused, "orgSourcedIds names 'org-zzz', which orgs.csv does not define."), Outcome(plan, "users.csv", "s-2"));
        Assert.Equal(RowOutcome.Created, Outcome(plan, "users.csv", "s-3").Item1);
        Assert.Equal((RowOutcome.Refused, "orgSourcedIds names no school."), Outcome(plan, "users.csv", "s-4"));
    }

    [Fact]
    public void Rows_the_import_cannot_take_are_refused_with_the_reason()
    {
        var plan = Plan(new OneRosterSample()
            .School("org-n", identifier: "nfa")
            .School("org-s", identifier: "SGS")
            .Student("s-1", "org-n", "Ada", "Lovelace", "14")
            .Student("s-2", "org-n", "Alan", "Turing", "")
            .Student("s-3", "org-n,org-s", "Grace", "Hopper", "9")
            .Student("s-4", "org-n", "Edsger", "Dijkstra", "9", email: "not an email")
            .Student("s-4", "org-n", "Edsger", "Dijkstra", "9")
            .Student("s-5", "org-n", "Barbara", "Liskov", "9", status: "inactive")
            .User("g-1", "guardian", "org-n")
            .Enrol("e-1", "c-9", "org-n", "s-1"));

        Assert.Equal((RowOutcome.Refused, "grades '14' is no year group of Northfield Academy (R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13)."),
            Outcome(plan, "users.csv", "s-1"));
        Assert.Equal((RowOutcome.Refused, "grades is empty; a student needs a year group (10 for Y10)."), Outcome(plan, "users.csv", "s-2"));
        Assert.Equal((RowOutcome.Refused, "A student belongs to one school; orgSourcedIds names 2: Northfield Academy and Southgate School."),
            Outcome(plan, "users.csv", "s-3"));
        var rows = plan.Rows.Select(r => r.Result).Where(r => r.SourcedId == "s-4").ToList();
        Assert.Equal([(RowOutcome.Refused, "Email 'not an email' is not a single email address."), (RowOutcome.Refused, "The sourcedId 's-4' is also on row 5.")],
            rows.Select(r => (r.Outcome, r.Reason)));
        Assert.Equal((RowOutcome.Refused, "The row's status 'inactive' is neither active nor tobedeleted."), Outcome(plan, "users.csv", "s-5"));
        Assert.Equal((RowOutcome.Refused, "Role 'guardian' is not imported; only student, teacher and administrator rows are."), Outcome(plan, "users.csv", "g-1"));
        Assert.Equal((RowOutcome.Refused, "classSourcedId 'c-9' is not in classes.csv."), Outcome(plan, "enrollments.csv", "e-1"));
    }

    [Fact]
    public void The_schools_rules_for_student_information_numbers_hold_for_imported_students()
    {
        var strict = School("Strict High", "STR", new StudentRosterRules(false, true, 6, true));

        var plan = Plan(new OneRosterSample()
            .School("org-1", identifier: "STR")
            .Student("s-1", "org-1", "Ada", "Lovelace", "9")
            .Student("s-2", "org-1", "Alan", "Turing", "9", identifier: "12A456")
            .Student("s-3", "org-1", "Grace", "Hopper", "9", identifier: "123456"), schools: strict);

        Assert.Equal((RowOutcome.Refused, "This school requires a student information number."), Outcome(plan, "users.csv", "s-1"));
        Assert.Equal((RowOutcome.Refused, "This school's student information numbers are digits only ('12A456' is not)."), Outcome(plan, "users.csv", "s-2"));
        Assert.Equal(RowOutcome.Created, Outcome(plan, "users.csv", "s-3").Item1);
    }

    [Fact]
    public void A_building_administrator_has_every_row_of_another_school_refused()
    {
        var building = new ImportActor(Guid.NewGuid(), StaffType.BuildingAdministrator, [Northfield.Id], Scope.OwnInstitution);

        var plan = Plan(new OneRosterSample()
            .School("org-n", identifier: "NFA").School("org-s", identifier: "SGS")
            .Student("s-1", "org-n", "Ada", "Lovelace", "9").Student("s-2", "org-s", "Alan", "Turing", "9")
            .Staff("t-2", "teacher", "org-s", "Tess", "Ray", "tess@school.example")
            .Class("c-2", "9S Science", "org-s").Enrol("e-1", "c-2", "org-s", "s-2"), building);

        Assert.Equal(RowOutcome.Created, Outcome(plan, "users.csv", "s-1").Item1);
        foreach (var (file, sourcedId) in new[] { ("orgs.csv", "org-s"), ("users.csv", "s-2"), ("users.csv", "t-2"), ("classes.csv", "c-2") })
            Assert.Equal((RowOutcome.Refused, "Southgate School is not your school."), Outcome(plan, file, sourcedId));
        Assert.Equal((RowOutcome.Refused, "The class's row (classes.csv row 2) was refused."), Outcome(plan, "enrollments.csv", "e-1"));
        Assert.Empty(plan.StaffRows);
    }

    [Fact]
    public void A_platform_operators_staff_rows_are_refused()
    {
        var plan = Plan(Tutor10A(), new ImportActor(Guid.NewGuid(), null, [], Scope.Organisation));

        Assert.Equal((RowOutcome.Refused, "Staff accounts are imported by a member of the organisation's staff, not by a platform operator."),
            Outcome(plan, "users.csv", "t-1"));
    }
}
