namespace Portal.AppHost.DemoData;

/// <summary>Demo data for local development, seeded once per state folder after the system is healthy.</summary>
public static class DemoData
{
    public static async Task SeedAsync(Uri gatewayUrl, Uri rabbitMq, string stateDirectory, CancellationToken cancellationToken)
    {
        // Each service adds its demo data here.
        var tokens = new DemoTokens(gatewayUrl);
        await InstitutionDemoData.SeedAsync(tokens, cancellationToken);
        await IdentityDemoData.SeedAsync(tokens, new Clients.PickupMailbox(Path.Combine(stateDirectory, "mail")), cancellationToken);
        await RosterDemoData.SeedAsync(tokens, rabbitMq, cancellationToken);
    }
}
