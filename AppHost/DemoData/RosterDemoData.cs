namespace Portal.AppHost.DemoData;

/// <summary>
/// Northfield Academy's roll as its MIS would send it: the OneRoster folder DemoData/Roll published by the MIS sync
/// producer (tools/MisSync) to RabbitMQ, exactly as a school's sync would.
/// </summary>
public static class RosterDemoData
{
    public static Task SeedAsync(DemoTokens tokens, Uri rabbitMq, CancellationToken ct) => Task.CompletedTask;
}
