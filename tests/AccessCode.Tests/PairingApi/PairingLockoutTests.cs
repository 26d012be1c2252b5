using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.PairingApi;

/// <summary>5 refused codes within 15 minutes lock pairing for 15 minutes, for the guardian and for the address.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class PairingLockoutTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    private static async Task FailFiveTimes(HttpClient guardian)
    {
        for (var i = 0; i < 4; i++)
            await (await guardian.Pair("2345-6789-ABCD")).ShouldBe(HttpStatusCode.NotFound);
        // A malformed code counts as much as an unknown one.
        await (await guardian.Pair("not a code")).ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task ShouldBeLocked(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, "Try again after");
        var retryAfter = problem.GetProperty("retryAfter").GetDateTimeOffset();
        Assert.InRange(retryAfter, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15.5));
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.NotNull(seconds);
        Assert.InRange(seconds!.Value, 14 * 60, 15 * 60 + 30);
        Assert.Contains($"{retryAfter.AddTicks(TimeSpan.TicksPerMinute - 1):HH:mm} UTC", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_refused_codes_lock_the_guardian_even_for_a_valid_code_and_from_another_address()
    {
        var student = await given.Student(await given.School());
        var code = await given.Code(student);
        var guardian = await given.Guardian();
        await FailFiveTimes(api.GuardianAt(guardian));

        await ShouldBeLocked(await api.GuardianAt(guardian).Pair(code));

        Assert.Empty(await api.GuardianAt(guardian).MyStudents());
        // Someone else elsewhere is not affected.
        await api.GuardianAt(await given.Guardian()).PairOk(code);
    }

    [Fact]
    public async Task Five_refused_codes_from_one_address_lock_every_guardian_at_that_address()
    {
        var code = await given.Code(await given.Student(await given.School()));
        var address = Pairings.NewAddress();
        await FailFiveTimes(api.GuardianAt(await given.Guardian(), address));
        var other = await given.Guardian();

        await ShouldBeLocked(await api.GuardianAt(other, address).Pair(code));

        await api.GuardianAt(other).PairOk(code);
    }

    [Fact]
    public async Task Four_refused_codes_do_not_lock()
    {
        var code = await given.Code(await given.Student(await given.School()));
        var guardian = api.GuardianAt(await given.Guardian());
        for (var i = 0; i < 4; i++)
            await (await guardian.Pair("2345-6789-ABCD")).ShouldBe(HttpStatusCode.NotFound);

        await guardian.PairOk(code);
    }

    [Fact]
    public async Task Refused_codes_sent_at_once_are_all_counted()
    {
        var code = await given.Code(await given.Student(await given.School()));
        var guardian = await given.Guardian();
        var attempts = Enumerable.Range(0, 5).Select(_ => api.GuardianAt(guardian).Pair("2345-6789-ABCD"));
        foreach (var response in await Task.WhenAll(attempts))
            await response.ShouldBe(HttpStatusCode.NotFound);

        await ShouldBeLocked(await api.GuardianAt(guardian).Pair(code));
    }
}
