namespace Portal.AppHost.Hosting;

/// <summary>GET a project's health endpoint; healthy means 200.</summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<(bool Healthy, string Detail)> CheckAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri(url, path), cancellationToken);
            return ((int)response.StatusCode == 200, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, e.Message);
        }
    }

    public void Dispose() => _client.Dispose();
}
