namespace Portal.Bench;

/// <summary>Setting up a benchmark's data through the gateway: a refusal stops the run with what was refused.</summary>
public static class SetUp
{
    public static async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Setting up the benchmark failed: {(int)response.StatusCode} on {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
