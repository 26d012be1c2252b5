namespace Portal.AppHost.DemoData;

/// <summary>Steps every service's seeding uses: a request that must succeed, and waiting for messages to cross services.</summary>
public static class DemoSteps
{
    public static async Task Send(Task<HttpResponseMessage> request, CancellationToken ct)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Seeding demo data failed: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered "
                + $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    public static async Task WaitUntil(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 120; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"Gave up waiting for {what} after 60 s.");
    }
}
