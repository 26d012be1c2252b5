using Portal.Testing;
using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.LettersApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class StudentLetterTests(AccessCodeApi api)
{
    readonly Given _given = new(api);

    static string PdfOf(Guid student) => $"/students/{student}/instructions.pdf";

    [Fact]
    public async Task The_letter_is_one_A4_page_with_school_student_current_code_and_sign_up_address()
    {
        var school = await _given.School("Northfield Academy");
        var student = await _given.Student(school, givenName: "Ada", familyName: "Lovelace");
        var code = await _given.Code(student);

        var response = await api.Building(_given.Org, school).GetAsync(PdfOf(student));

        var page = Assert.Single((await PdfPages.ReadAsync(response)).Pages);
        page.ShouldBeA4();
        page.ShouldShow("Northfield Academy", "Parent/guardian login for Ada Lovelace", code, LetterArrangements.SignUpUrl);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("login-instructions-lovelace-ada.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task After_a_reset_the_letter_shows_the_new_code_and_not_the_old()
    {
        var school = await _given.School();
        var student = await _given.Student(school);
        var old = await _given.Code(student);
        var current = await api.ResetCode(_given, student);

        var page = Assert.Single((await PdfPages.ReadAsync(await api.District(_given.Org).GetAsync(PdfOf(student)))).Pages);

        page.ShouldShow(current);
        Assert.False(page.Shows(old), "The letter still shows the replaced code.");
    }

    [Fact]
    public async Task A_teacher_gets_the_letter_of_a_student_in_their_class_but_not_of_others()
    {
        var school = await _given.School();
        var (mine, other, teacher) = (await _given.Student(school), await _given.Student(school, givenName: "Alan"), Guid.NewGuid());
        await _given.Class(school, [teacher], [mine]);
        var code = await _given.Code(mine);
        await _given.Code(other);
        var client = api.Teacher(_given.Org, school, teacher);

        Assert.Single((await PdfPages.ReadAsync(await client.GetAsync(PdfOf(mine)))).Pages).ShouldShow(code);
        await (await client.GetAsync(PdfOf(other))).ShouldBeProblem(HttpStatusCode.NotFound, $"Student {other} was not found");
    }

    [Fact]
    public async Task A_building_administrator_of_another_school_and_another_organisation_get_404()
    {
        var school = await _given.School();
        var student = await _given.Student(school);
        await _given.Code(student);

        await (await api.Building(_given.Org, Guid.NewGuid()).GetAsync(PdfOf(student)))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {student} was not found");
        await (await api.District(Guid.NewGuid()).GetAsync(PdfOf(student)))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {student} was not found");
    }

    [Fact]
    public async Task A_student_without_a_code_has_no_letter_yet()
    {
        var school = await _given.School();
        var student = await _given.Student(school);

        await (await api.District(_given.Org).GetAsync(PdfOf(student)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "Enable parent/guardian login first");
    }
}
