using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.PairingApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class PairingOpenApiTests(AccessCodeApi api)
{
    [Fact]
    public async Task Pairing_and_guardian_endpoints_are_described_with_their_answers()
    {
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        var pair = paths.GetProperty("/pair").GetProperty("post");
        Assert.Equal("PairWithAccessCode", pair.GetProperty("operationId").GetString());
        Assert.True(pair.GetProperty("responses").TryGetProperty("429", out _));
        Assert.Equal("GetMyPairedStudents", paths.GetProperty("/me/students").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetGuardianAccess", paths.GetProperty("/guardians/{guardian}").GetProperty("get").GetProperty("operationId").GetString());
        var revoke = paths.GetProperty("/guardians/{guardian}/revoke").GetProperty("post");
        Assert.Equal("RevokeGuardianAccess", revoke.GetProperty("operationId").GetString());
        Assert.True(revoke.GetProperty("responses").TryGetProperty("404", out _));
    }
}
