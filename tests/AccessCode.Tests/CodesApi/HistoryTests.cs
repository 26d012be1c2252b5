using System.Net;
using System.Text.Json;
using Portal.AccessCode.Tests.Api;
using static Portal.AccessCode.Tests.CodesApi.PortalAccess;

namespace Portal.AccessCode.Tests.CodesApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class HistoryTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task History_lists_issue_pairing_and_reset_oldest_first_with_who_acted()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var enabler = Guid.NewGuid();
        var resetter = Guid.NewGuid();
        var issued = CodeOf(await Enabled(api.District(given.Org, enabler), student));
        var guardian = await given.Guardian("Grace", "Hopper");
        await Pair(api, given.Org, student, guardian);
        var reset = CodeOf(await (await api.Customer(given.Org, resetter).PostAsync(Reset(student), null)).ShouldBe(HttpStatusCode.OK));

        var response = await api.District(given.Org).GetAsync(History(student));
        var history = (await response.ShouldBe(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(["issued", "guardianPaired", "reset"], history.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([1L, 2L, 3L], history.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(enabler, history[0].GetProperty("actorId").GetGuid());
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("actorId").ValueKind);
        Assert.Equal(guardian, history[1].GetProperty("guardianId").GetGuid());
        Assert.Equal("Grace Hopper", history[1].GetProperty("guardianName").GetString());
        Assert.Equal(resetter, history[2].GetProperty("actorId").GetGuid());
        Assert.Equal("Reset", history[2].GetProperty("reason").GetString());
        Assert.True(history[0].GetProperty("at").GetDateTimeOffset() <= history[2].GetProperty("at").GetDateTimeOffset());

        var text = await (await api.District(given.Org).GetAsync(History(student))).Content.ReadAsStringAsync();
        foreach (var code in new[] { issued, reset })
        {
            Assert.DoesNotContain(code, text);
            Assert.DoesNotContain(api.Secrets.HashOfEntered(code)!, text);
        }
        Assert.DoesNotContain("ciphertext", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_student_without_a_code_has_an_empty_history()
    {
        var school = await given.School();
        var student = await given.Student(school);

        var history = await (await api.District(given.Org).GetAsync(History(student))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, history.GetArrayLength());
    }
}
