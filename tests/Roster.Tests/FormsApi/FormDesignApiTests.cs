using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.FormsApi;

/// <summary>Creating and editing custom forms, in each staff type's reach.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class FormDesignApiTests(RosterApi api)
{
    [Fact]
    public async Task A_building_administrator_creates_a_form_and_reads_its_questions_back()
    {
        var given = new Given(api);
        var school = await given.School();
        var building = api.Building(given.Org, school);

        var form = await TripForm.Create(building, school);

        var read = await (await building.GetAsync($"/forms/{form}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Trip to the lakes", read.GetProperty("title").GetString());
        var questions = read.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["name", "lunch", "activities", "birthday", "photos", "contact"], questions.Select(q => q.GetProperty("id").GetString()));
        Assert.Equal(["Packed", "Hot"], TripForm.Strings(questions[1].GetProperty("options")));
        Assert.True(questions[5].GetProperty("forGuardian").GetBoolean());
        var listed = await (await building.GetAsync($"/institutions/{school}/forms")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([form], listed.EnumerateArray().Select(f => f.Id()));
    }

    [Fact]
    public async Task A_form_with_a_choice_question_without_options_is_refused_field_by_field()
    {
        var given = new Given(api);
        var school = await given.School();

        var problem = await (await api.District(given.Org).Post($"/institutions/{school}/forms", new
            {
                title = "Trip",
                questions = new object[] { new { id = "lunch", type = "SingleChoice", prompt = "Lunch" }, new { id = "lunch", type = "Essay", prompt = "Why" } },
            }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "needs at least two options");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("questions[0].options", out _));
        Assert.True(errors.TryGetProperty("questions[1].id", out _));
        Assert.True(errors.TryGetProperty("questions[1].type", out _));
    }

    [Fact]
    public async Task A_form_is_edited_until_a_student_responds()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school, TripForm.WithoutGuardianQuestions);

        var edited = await (await staff.Put($"/forms/{form}", new { title = "Trip to the coast", questions = TripForm.WithoutGuardianQuestions }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Trip to the coast", edited.GetProperty("title").GetString());

        await TripForm.Assign(staff, form, new { studentId = ada });
        await (await api.Student(given.Org, school, ada).Post($"/me/forms/{form}/responses", new { answers = new { name = "Ada", lunch = "Hot" } }))
            .ShouldBe(HttpStatusCode.Created);
        await (await staff.Put($"/forms/{form}", new { title = "Trip to the moon", questions = TripForm.WithoutGuardianQuestions }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already has responses");
    }

    [Fact]
    public async Task A_teacher_edits_only_the_forms_they_created()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var ada = await given.Student(school);
        await given.Class(school, [me], [ada]);
        var teacher = api.Teacher(given.Org, school, me);
        var mine = await TripForm.Create(teacher, school);
        var building = api.Building(given.Org, school);
        var theirs = await TripForm.Create(building, school);
        await TripForm.Assign(building, theirs, new { studentId = ada });

        await (await teacher.Put($"/forms/{mine}", new { title = "Mine", questions = TripForm.Questions })).ShouldBe(HttpStatusCode.OK);
        await (await teacher.Put($"/forms/{theirs}", new { title = "Mine now", questions = TripForm.Questions }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "only the forms they created");
    }

    [Fact]
    public async Task A_teacher_reaches_only_their_own_forms_and_those_assigned_to_their_classes()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var (ada, ben, cal) = (await given.Student(school), await given.Student(school), await given.Student(school));
        await given.Class(school, [me], [ada]);
        await given.Class(school, [await given.Teacher(school)], [ben, cal], "7B Maths");
        var teacher = api.Teacher(given.Org, school, me);
        var building = api.Building(given.Org, school);
        var mine = await TripForm.Create(teacher, school);
        var toMyStudent = await TripForm.Create(building, school);
        await TripForm.Assign(building, toMyStudent, new { studentId = ada });
        var toMyStudentsGuardians = await TripForm.Create(building, school);
        await (await building.Post($"/forms/{toMyStudentsGuardians}/guardian-assignments", new { studentIds = new[] { ada } })).ShouldBe(HttpStatusCode.OK);
        var elsewhere = await TripForm.Create(building, school);
        await TripForm.Assign(building, elsewhere, new { studentId = ben });
        var unassigned = await TripForm.Create(building, school);

        foreach (var form in new[] { mine, toMyStudent, toMyStudentsGuardians })
            await (await teacher.GetAsync($"/forms/{form}")).ShouldBe(HttpStatusCode.OK);
        foreach (var form in new[] { elsewhere, unassigned })
        {
            await (await teacher.GetAsync($"/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
            await (await teacher.GetAsync($"/forms/{form}/responses")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
        }
        var listed = await (await teacher.GetAsync($"/institutions/{school}/forms")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new[] { mine, toMyStudent, toMyStudentsGuardians }.Order(), listed.EnumerateArray().Select(f => f.Id()).Order());
        var all = await (await building.GetAsync($"/institutions/{school}/forms")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(5, all.GetArrayLength());
    }

    [Fact]
    public async Task Another_organisations_form_and_another_schools_form_answer_404()
    {
        var given = new Given(api);
        var (school, other) = (await given.School("Mine"), await given.School("Other"));
        var form = await TripForm.Create(api.District(given.Org), other);
        var elsewhere = new Given(api);
        await elsewhere.School();

        await (await api.District(elsewhere.Org).GetAsync($"/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
        await (await api.Building(given.Org, school).GetAsync($"/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
        await (await api.Building(given.Org, school).Post($"/institutions/{other}/forms", new { title = "T", questions = TripForm.Questions }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"School {other} was not found.");
    }
}
