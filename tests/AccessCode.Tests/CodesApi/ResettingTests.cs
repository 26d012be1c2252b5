using System.Net;
using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;
using Portal.ServiceDefaults.Problems;
using static Portal.AccessCode.Tests.CodesApi.PortalAccess;

namespace Portal.AccessCode.Tests.CodesApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class ResettingTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task Reset_gives_a_new_code_and_the_old_one_is_refused_as_replaced_while_the_new_one_pairs()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        var old = CodeOf(await Enabled(client, student));

        var response = await client.PostAsync(Reset(student), null);
        var reset = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var fresh = CodeOf(reset);
        Assert.Matches(PrintedCode(), fresh);
        Assert.NotEqual(old, fresh);
        Assert.Equal(fresh, reset.GetProperty("instructions").GetProperty("code").GetString());
        Assert.Equal(fresh, CodeOf(await (await client.GetAsync(View(student))).ShouldBe(HttpStatusCode.OK)));

        var oldHash = api.Secrets.HashOfEntered(old)!;
        var newHash = api.Secrets.HashOfEntered(fresh)!;
        await using var session = api.Store.QuerySession(given.Org.ToString());
        Assert.Equal(student, (await session.LoadAsync<CodeLookupEntry>(oldHash))?.StudentId);
        Assert.Equal(student, (await session.LoadAsync<CodeLookupEntry>(newHash))?.StudentId);

        var state = await StateOf(api, given.Org, student);
        var refusal = Assert.Throws<RuleViolation>(() =>
            Codes.AccessCode.Decide(new PairGuardian(student, Guid.NewGuid(), oldHash, DateTimeOffset.UtcNow), state));
        Assert.Contains("replaced", refusal.Message);
        Assert.IsType<GuardianPairedWithStudent>(Assert.Single(
            Codes.AccessCode.Decide(new PairGuardian(student, Guid.NewGuid(), newHash, DateTimeOffset.UtcNow), state)));
    }

    [Fact]
    public async Task Reset_keeps_existing_pairings()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        await Enabled(client, student);
        var guardian = await given.Guardian("Grace", "Hopper");
        await Pair(api, given.Org, student, guardian);

        var reset = await (await client.PostAsync(Reset(student), null)).ShouldBe(HttpStatusCode.OK);

        var listed = Assert.Single(reset.GetProperty("guardians").EnumerateArray());
        Assert.Equal(guardian, listed.GetProperty("guardianId").GetGuid());
        Assert.Equal("Grace Hopper", listed.GetProperty("name").GetString());
        Assert.True((await StateOf(api, given.Org, student)).IsPaired(guardian));
    }

    [Fact]
    public async Task Reset_with_a_stale_If_Match_is_refused_and_with_the_current_one_succeeds()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        var code = CodeOf(await Enabled(client, student));
        var read = await client.GetAsync(View(student));
        var etag = read.Headers.ETag!.Tag;
        await (await client.PostAsync(Reset(student), null)).ShouldBe(HttpStatusCode.OK);

        using var stale = new HttpRequestMessage(HttpMethod.Post, Reset(student)) { Headers = { { "If-Match", etag } } };
        await (await client.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "changed");

        var current = (await client.GetAsync(View(student))).Headers.ETag!.Tag;
        Assert.Equal("\"2\"", current);
        using var fresh = new HttpRequestMessage(HttpMethod.Post, Reset(student)) { Headers = { { "If-Match", current } } };
        var response = await client.SendAsync(fresh);
        var view = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.NotEqual(code, CodeOf(view));
    }

    [Fact]
    public async Task Reset_of_a_student_without_a_code_is_a_conflict_that_points_to_enabling()
    {
        var school = await given.School();
        var student = await given.Student(school);

        await (await api.District(given.Org).PostAsync(Reset(student), null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "enable parent/guardian login first");
    }

    [Fact]
    public async Task Codes_at_rest_are_never_stored_in_the_clear()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        var issued = CodeOf(await Enabled(client, student));
        var reset = CodeOf(await (await client.PostAsync(Reset(student), null)).ShouldBe(HttpStatusCode.OK));

        var stored = await StoredText.Of(api, given.Org, student);
        Assert.NotEmpty(stored);
        foreach (var code in new[] { issued, reset })
        {
            Assert.DoesNotContain(code, stored);
            Assert.DoesNotContain(code.Replace("-", ""), stored);
            Assert.Contains(api.Secrets.HashOfEntered(code)!, stored); // what is stored is the keyed hash
        }
    }
}
