using Portal.Testing;
using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.LettersApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class BulkLettersTests(AccessCodeApi api)
{
    readonly Given _given = new(api);

    static string LettersOf(Guid job) => $"/bulk/{job}/letters.pdf";

    [Fact]
    public async Task A_job_gives_one_page_per_student_in_the_jobs_order_with_each_current_code()
    {
        var school = await _given.School("Riverside High");
        string[] names = ["Zara", "Ada", "Moss", "Ben"];
        var students = new List<(Guid Id, string Name, string Code)>();
        foreach (var name in names)
        {
            var id = await _given.Student(school, givenName: name, familyName: "Okafor");
            students.Add((id, $"{name} Okafor", await _given.Code(id)));
        }
        var reset = students[2] with { Code = await api.ResetCode(_given, students[2].Id) };
        students[2] = reset;
        var job = await api.BulkJob(_given, school, [.. students.Select(s => s.Id)]);

        var response = await api.Building(_given.Org, school).GetAsync(LettersOf(job));

        var pdf = await PdfPages.ReadAsync(response);
        Assert.Equal(students.Count, pdf.Pages.Count);
        for (var i = 0; i < students.Count; i++)
        {
            pdf.Pages[i].ShouldBeA4();
            pdf.Pages[i].ShouldShow("Riverside High", $"Parent/guardian login for {students[i].Name}", students[i].Code);
        }
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Students_without_a_code_are_skipped()
    {
        var school = await _given.School();
        var first = await _given.Student(school, givenName: "First");
        var without = await _given.Student(school, givenName: "Without");
        var last = await _given.Student(school, givenName: "Last");
        var (firstCode, lastCode) = (await _given.Code(first), await _given.Code(last));
        var job = await api.BulkJob(_given, school, first, without, last);

        var pdf = await PdfPages.ReadAsync(await api.District(_given.Org).GetAsync(LettersOf(job)));

        Assert.Equal(2, pdf.Pages.Count);
        pdf.Pages[0].ShouldShow("First Lovelace", firstCode);
        pdf.Pages[1].ShouldShow("Last Lovelace", lastCode);
        Assert.DoesNotContain(pdf.Pages, p => p.Shows("Without"));
    }

    [Fact]
    public async Task A_long_student_name_and_a_long_sign_up_address_still_render()
    {
        var school = await _given.School("Academy of Saint Bartholomew-the-Great and All Angels, Upper School Campus at Riverside");
        var student = await _given.Student(school, givenName: "Maximiliana Konstantina Aurelia Philippa Evangeline",
            familyName: "Featherstonehaugh-Konstantinopoulou-Vanderbilt de la Cruz y Montgomery-Smythe");
        var code = await _given.Code(student);
        var job = await api.BulkJob(_given, school, student);

        var page = Assert.Single((await PdfPages.ReadAsync(await api.Customer(_given.Org).GetAsync(LettersOf(job)))).Pages);

        page.ShouldShow("Academy of Saint Bartholomew-the-Great and All Angels, Upper School Campus at Riverside",
            "Maximiliana Konstantina Aurelia Philippa Evangeline Featherstonehaugh-Konstantinopoulou-Vanderbilt de la Cruz y Montgomery-Smythe",
            code, LetterArrangements.SignUpUrl);
    }

    [Fact]
    public async Task Other_schools_administrators_and_other_organisations_get_404_and_teachers_403()
    {
        var school = await _given.School();
        var student = await _given.Student(school);
        await _given.Code(student);
        var job = await api.BulkJob(_given, school, student);

        await (await api.Building(_given.Org, Guid.NewGuid()).GetAsync(LettersOf(job)))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Bulk code job {job} was not found");
        await (await api.District(Guid.NewGuid()).GetAsync(LettersOf(job)))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Bulk code job {job} was not found");
        await (await api.Teacher(_given.Org, school, Guid.NewGuid()).GetAsync(LettersOf(job)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Enable parent/guardian login");
    }

    [Fact]
    public async Task A_job_none_of_whose_students_has_a_code_is_refused()
    {
        var school = await _given.School();
        var job = await api.BulkJob(_given, school, await _given.Student(school));

        await (await api.District(_given.Org).GetAsync(LettersOf(job)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "has a current access code");
    }
}
