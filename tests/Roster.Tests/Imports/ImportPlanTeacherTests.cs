using Portal.Roster.Classes;
using Portal.Roster.Imports;
using Portal.Roster.Imports.Planning;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Staff;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;
using static Portal.Roster.Tests.Imports.ImportPlanTests;

namespace Portal.Roster.Tests.Imports;

/// <summary>A teacher imports only the students and groups assigned to them.</summary>
public sealed class ImportPlanTeacherTests
{
    private static readonly KnownSchool Northfield = School("Northfield Academy", "NFA", new StudentRosterRules(true, false, 0, false));
    private static readonly KnownStaff Tom = new(Guid.NewGuid(), "tom@school.example", "Tom", "Hardy", "teacher", [Northfield.Id], true, 1);
    private static readonly KnownStaff Tess = new(Guid.NewGuid(), "tess@school.example", "Tess", "Ray", "teacher", [Northfield.Id], true, 1);
    private static readonly ImportActor TomImporting = new(Tom.Id, StaffType.Teacher, [Northfield.Id], Scope.OwnClasses);

    private static ClassState Existing(string sourcedId, string name, KnownStaff teacher, params Guid[] students) =>
        DeciderSpec<ClassState>.StateAfter(Class.Decide(new SyncClass(RosterIds.Class(Organisation, Northfield.Id, sourcedId), Northfield.Id, sourcedId,
            name, "Maths", true, students, [teacher.Id], [], ClassSource.Mis, null, At), null));

    private static OneRosterSample Sample() => new OneRosterSample()
        .School("org-n", identifier: "NFA")
        .Student("s-1", "org-n", "Ada", "Lovelace", "10").Student("s-2", "org-n", "Alan", "Turing", "10")
        .Student("s-3", "org-n", "Grace", "Hopper", "10").Student("s-4", "org-n", "Edsger", "Dijkstra", "10")
        .Staff("t-tom", "teacher", "org-n", "Tom", "Hardy", "tom@school.example")
        .Staff("t-tess", "teacher", "org-n", "Tess", "Ray", "tess@school.example")
        .Class("c-own", "10A Maths", "org-n").Class("c-new", "10A Further Maths", "org-n")
        .Class("c-others", "10B Maths", "org-n").Class("c-theirs", "10B Further Maths", "org-n")
        .Enrol("e-1", "c-own", "org-n", "s-1").Enrol("e-2", "c-own", "org-n", "t-tom", "teacher")
        .Enrol("e-3", "c-new", "org-n", "s-2").Enrol("e-4", "c-new", "org-n", "t-tom", "teacher").Enrol("e-5", "c-new", "org-n", "t-tess", "teacher")
        .Enrol("e-6", "c-others", "org-n", "s-3").Enrol("e-7", "c-others", "org-n", "t-tom", "teacher")
        .Enrol("e-8", "c-theirs", "org-n", "s-4").Enrol("e-9", "c-theirs", "org-n", "t-tess", "teacher");

    private static ImportPlanResult Plan(ImportActor actor, KnownSchool school, params StudentState[] students) =>
        ImportPlanTests.Plan(Sample(), actor, [Tom, Tess], students,
            [Existing("c-own", "10A Maths", Tom), Existing("c-others", "10B Maths", Tess)], school);

    [Fact]
    public void A_teacher_imports_classes_they_teach_and_new_ones_the_file_enrols_them_in()
    {
        var plan = Plan(TomImporting, Northfield);

        Assert.Equal((RowOutcome.Updated, "1 student joins."), Outcome(plan, "classes.csv", "c-own"));
        Assert.Equal(RowOutcome.Created, Outcome(plan, "classes.csv", "c-new").Item1);
        Assert.Equal((RowOutcome.Refused, "10B Maths is not one of your classes."), Outcome(plan, "classes.csv", "c-others"));
        Assert.Equal((RowOutcome.Refused, "Teachers import only their own classes; enrollments.csv does not enrol you as a teacher of this class."),
            Outcome(plan, "classes.csv", "c-theirs"));
        Assert.Equal((RowOutcome.Created, "You teach the class."), Outcome(plan, "enrollments.csv", "e-4"));
        Assert.Equal((RowOutcome.Refused, "Teachers may not assign or unassign other teachers."), Outcome(plan, "enrollments.csv", "e-5"));
        var created = Assert.IsType<ClassWrite>(plan.Rows.Single(r => r.Result.SourcedId == "c-new").Write).Command;
        Assert.Equal([Tom.Id], created.TeacherIds);
    }

    [Fact]
    public void A_teacher_imports_only_students_enrolled_in_their_classes_and_no_staff()
    {
        var plan = Plan(TomImporting, Northfield);

        Assert.Equal([RowOutcome.Created, RowOutcome.Created], new[] { "s-1", "s-2" }.Select(s => Outcome(plan, "users.csv", s).Item1));
        foreach (var student in new[] { "s-3", "s-4" })
            Assert.Equal((RowOutcome.Refused, "Teachers import only students enrolled in their classes; enrollments.csv enrols this student in none of yours."),
                Outcome(plan, "users.csv", student));
        foreach (var staff in new[] { "t-tom", "t-tess" })
            Assert.Equal((RowOutcome.Refused, "Teachers may not import staff accounts."), Outcome(plan, "users.csv", staff));
        Assert.Empty(plan.StaffRows);
    }

    [Fact]
    public void A_teacher_creates_no_students_where_the_school_does_not_allow_it_but_updates_their_own()
    {
        var closed = Northfield with { Rules = StudentRosterRules.Default };
        var ada = DeciderSpec<StudentState>.StateAfter(Student.Decide(new SyncStudent(RosterIds.Student(Organisation, closed.Id, "s-1"), closed.Id, "s-1",
            "Ada", "Byron", "Y10", null, null, null, StudentSource.Mis, null, At), null));

        var plan = Plan(TomImporting, closed, ada);

        Assert.Equal((RowOutcome.Updated, "Names or student information number change."), Outcome(plan, "users.csv", "s-1"));
        Assert.Equal((RowOutcome.Refused, "Northfield Academy does not allow teachers to create students."), Outcome(plan, "users.csv", "s-2"));
        Assert.Equal((RowOutcome.Refused, "The student's row (users.csv row 3) was refused."), Outcome(plan, "enrollments.csv", "e-3"));
    }
}
