using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.CodesApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class OpenApiTests(AccessCodeApi api)
{
    [Fact]
    public async Task The_Portal_Access_endpoints_are_described_in_the_OpenAPI_document()
    {
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        var view = paths.GetProperty("/students/{student}").GetProperty("get");
        Assert.Equal("GetStudentAccess", view.GetProperty("operationId").GetString());
        Assert.True(view.GetProperty("responses").TryGetProperty("404", out _));
        var enable = paths.GetProperty("/students/{student}/enable").GetProperty("post");
        Assert.Equal("EnableGuardianLogin", enable.GetProperty("operationId").GetString());
        Assert.True(enable.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(enable.GetProperty("responses").TryGetProperty("409", out _));
        var reset = paths.GetProperty("/students/{student}/reset").GetProperty("post");
        Assert.True(reset.GetProperty("responses").TryGetProperty("412", out _));
        Assert.Equal("GetStudentAccessHistory",
            paths.GetProperty("/students/{student}/history").GetProperty("get").GetProperty("operationId").GetString());
    }
}
