using System.Net;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

[Collection(SignInApiCollection.Name)]
public sealed class SigningKeyRotationTests(SignInApi api)
{
    [Fact]
    public async Task After_rotation_new_tokens_use_the_new_key_and_earlier_tokens_still_validate()
    {
        var before = await api.OperatorTokenAsync();
        var operatorClient = api.Bearer(before);

        var keys = await (await operatorClient.PostAsync("/signing-keys/rotate", null)).ShouldBe(HttpStatusCode.OK);
        var current = keys.EnumerateArray().First().GetProperty("keyId").GetString();
        Assert.True(keys.GetArrayLength() >= 2);

        var after = await api.OperatorTokenAsync();
        Assert.Equal(current, Tokens.Read(after).Kid);
        Assert.NotEqual(Tokens.Read(before).Kid, Tokens.Read(after).Kid);
        var jwks = await (await api.Browser().GetAsync("/.well-known/jwks")).ShouldBe(HttpStatusCode.OK);
        var published = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(Tokens.Read(before).Kid, published);
        Assert.Contains(Tokens.Read(after).Kid, published);
        // The token signed before the rotation is still accepted.
        await (await api.Bearer(before).GetAsync("/signing-keys")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_operators_rotate_keys()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);
        var district = (await api.WebClient().SignInAsync(email, GivenAccounts.Password)).AccessToken;

        await (await api.Bearer(district).PostAsync("/signing-keys/rotate", null))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Only platform operators manage signing keys.");
    }
}
