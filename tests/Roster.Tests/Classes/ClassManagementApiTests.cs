using System.Net;
using Portal.Roster.Contracts;

namespace Portal.Roster.Tests.Api;

/// <summary>Creating, reading, renaming, activating and deactivating classes, within each staff type's reach.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ClassManagementApiTests(RosterApi api)
{
    [Fact]
    public async Task District_and_customer_administrators_create_classes_in_any_school_of_the_organisation()
    {
        var given = new Given(api);
        var (north, south) = (await given.School("North"), await given.School("South"));

        var first = await (await api.District(given.Org).Post($"/institutions/{north}/classes", new { name = " 7A Maths ", subject = "Maths" }))
            .ShouldBe(HttpStatusCode.Created);
        var second = await (await api.Customer(given.Org).Post($"/institutions/{south}/classes", new { name = "8C Art" }))
            .ShouldBe(HttpStatusCode.Created);

        Assert.Equal("7A Maths", first.GetProperty("name").GetString());
        Assert.Equal("Staff", first.GetProperty("source").GetString());
        Assert.Equal(0, first.GetProperty("teachers").GetArrayLength());
        Assert.Equal(south, second.GetProperty("schoolId").GetGuid());
        var published = await api.Bus.WaitFor<ClassChanged>(m => m.ClassId == first.Id());
        Assert.Equal((given.Org, north, "7A Maths", true), (published.OrganisationId, published.SchoolId, published.Name, published.Active));
    }

    [Fact]
    public async Task A_class_without_a_name_is_refused_naming_the_field()
    {
        var given = new Given(api);
        var school = await given.School();

        var problem = await (await api.District(given.Org).Post($"/institutions/{school}/classes", new { name = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Class name is required.");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_school_roster_has_not_heard_of_answers_404()
    {
        var given = new Given(api);
        var unknown = Guid.NewGuid();

        await (await api.District(given.Org).Post($"/institutions/{unknown}/classes", new { name = "7A" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"School {unknown} was not found.");
    }

    [Fact]
    public async Task Building_administrators_manage_classes_of_their_own_school_only()
    {
        var given = new Given(api);
        var (mine, other) = (await given.School("Mine"), await given.School("Other"));
        var theirs = await given.Class(other, [], []);
        var building = api.Building(given.Org, mine);

        var created = await (await building.Post($"/institutions/{mine}/classes", new { name = "9D History" })).ShouldBe(HttpStatusCode.Created);
        await (await building.Put($"/classes/{created.Id()}", new { name = "9D Modern History", subject = "History" })).ShouldBe(HttpStatusCode.OK);

        await (await building.Post($"/institutions/{other}/classes", new { name = "9E" })).ShouldBeProblem(HttpStatusCode.NotFound, $"School {other} was not found.");
        await (await building.GetAsync($"/institutions/{other}/classes")).ShouldBeProblem(HttpStatusCode.NotFound, $"School {other} was not found.");
        await (await building.GetAsync($"/classes/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await building.Put($"/classes/{theirs}", new { name = "Taken over" })).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await building.PostAsync($"/classes/{theirs}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task A_teacher_who_creates_a_class_teaches_it_and_manages_it()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var teacher = api.Teacher(given.Org, school, me);

        var created = await (await teacher.Post($"/institutions/{school}/classes", new { name = "Chess club" })).ShouldBe(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal([me], created.GetProperty("teachers").EnumerateArray().Select(t => t.Id()).ToArray());

        await (await teacher.Put($"/classes/{id}", new { name = "Chess and Go club" })).ShouldBe(HttpStatusCode.OK);
        await (await teacher.PostAsync($"/classes/{id}/deactivate", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await teacher.PostAsync($"/classes/{id}/activate", null)).ShouldBe(HttpStatusCode.NoContent);
        var read = await (await teacher.GetAsync($"/classes/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Chess and Go club", true), (read.GetProperty("name").GetString(), read.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task A_teacher_cannot_reach_a_class_they_do_not_teach()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var theirs = await given.Class(school, [colleague], []);
        var teacher = api.Teacher(given.Org, school, me);

        await (await teacher.GetAsync($"/classes/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await teacher.Put($"/classes/{theirs}", new { name = "Mine now" })).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await teacher.PostAsync($"/classes/{theirs}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task Teachers_list_only_the_classes_they_teach_and_inactive_ones_on_request()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var (mine, old) = (await given.Class(school, [me], [], "7A Maths"), await given.Class(school, [me], [], "6A Maths"));
        var theirs = await given.Class(school, [colleague], [], "7B Maths");
        await (await api.District(given.Org).PostAsync($"/classes/{old}/deactivate", null)).ShouldBe(HttpStatusCode.NoContent);
        var teacher = api.Teacher(given.Org, school, me);

        var active = await (await teacher.GetAsync($"/institutions/{school}/classes")).ShouldBe(HttpStatusCode.OK);
        var all = await (await teacher.GetAsync($"/institutions/{school}/classes?includeInactive=true")).ShouldBe(HttpStatusCode.OK);
        var everyone = await (await api.Building(given.Org, school).GetAsync($"/institutions/{school}/classes")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([mine], active.EnumerateArray().Select(c => c.Id()).ToArray());
        Assert.Equal([old, mine], all.EnumerateArray().Select(c => c.Id()).ToArray());
        Assert.Equal([mine, theirs], everyone.EnumerateArray().Select(c => c.Id()).ToArray());
    }

    [Fact]
    public async Task Another_organisations_class_answers_404()
    {
        var (given, stranger) = (new Given(api), new Given(api));
        var school = await given.School();
        var @class = await given.Class(school, [], []);

        await (await api.District(stranger.Org).GetAsync($"/classes/{@class}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
        await (await api.District(stranger.Org).Put($"/classes/{@class}", new { name = "Ours" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
        await (await api.District(stranger.Org).GetAsync($"/institutions/{school}/classes"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"School {school} was not found.");
    }

    [Fact]
    public async Task Renaming_honours_if_match_and_answers_the_new_etag()
    {
        var given = new Given(api);
        var school = await given.School();
        var @class = await given.Class(school, [], []);
        var district = api.District(given.Org);
        var read = await district.GetAsync($"/classes/{@class}");
        await read.ShouldBe(HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;

        var renamed = await district.SendAsync(IfMatch(HttpMethod.Put, $"/classes/{@class}", etag, new { name = "7A Algebra", subject = "Maths" }));
        await renamed.ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(etag, renamed.Headers.ETag!.Tag);

        var stale = await district.SendAsync(IfMatch(HttpMethod.Put, $"/classes/{@class}", etag, new { name = "7A Geometry" }));
        await stale.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "has changed");
    }

    [Fact]
    public async Task Students_and_staff_without_the_permission_cannot_create_classes()
    {
        var given = new Given(api);
        var school = await given.School();

        var response = await api.Student(given.Org, school, Guid.NewGuid()).Post($"/institutions/{school}/classes", new { name = "Our club" });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "Creating, renaming, activating and deactivating classes");
    }

    private static HttpRequestMessage IfMatch(HttpMethod method, string url, string etag, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
