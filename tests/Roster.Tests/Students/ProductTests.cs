using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class ProductTests(RosterApi api)
{
    [Fact]
    public async Task Staff_see_the_product_catalogue()
    {
        var given = new Given(api);
        var school = await given.School();

        var products = await (await api.Teacher(given.Org, school, Guid.NewGuid()).GetAsync("/products")).ShouldBe(HttpStatusCode.OK);

        var first = products.EnumerateArray().First();
        Assert.Equal("maths-practice", first.GetProperty("id").GetString());
        Assert.Equal("Maths Practice", first.GetProperty("name").GetString());
        Assert.StartsWith("https://", first.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Students_do_not_see_the_product_catalogue()
    {
        var given = new Given(api);
        var school = await given.School();

        var response = await api.Student(given.Org, school, Guid.NewGuid()).GetAsync("/products");

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "Assigning products to students");
    }

    [Fact]
    public async Task Products_assigned_to_a_student_replace_the_earlier_set()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);
        var admin = api.Building(given.Org, school);
        await (await admin.Put($"/students/{student}/products", new { productIds = new[] { "maths-practice", "reading-journal" } }))
            .ShouldBe(HttpStatusCode.OK);

        var body = await (await admin.Put($"/students/{student}/products", new { productIds = new[] { "spelling-bee" } })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(["spelling-bee"], body.GetProperty("productIds").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Unknown_products_are_refused_by_name()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);

        var response = await api.District(given.Org).Put($"/students/{student}/products",
            new { productIds = new[] { "maths-practice", "chess-club" } });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "There is no product 'chess-club'");
        Assert.True(problem.GetProperty("errors").TryGetProperty("productIds", out _));
    }
}
