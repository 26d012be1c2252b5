namespace Portal.Security.Tests;

/// <summary>Runs checks a few at a time: quick on two cores without crowding the services.</summary>
public static class Probe
{
    private const int Concurrency = 4;

    public static Task EachAsync<T>(IEnumerable<T> checks, Func<T, Task> check) =>
        Parallel.ForEachAsync(checks, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, _) => await check(item));

    /// <summary>The start of the answer, so a failure line says what the service said.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length > 160 ? body[..160] : body;
    }
}
