namespace Portal.AppHost.DemoData;

/// <summary>Demo data for local development, seeded once per state folder after the system is healthy.</summary>
public static class DemoData
{
    public static async Task SeedAsync(Uri gatewayUrl, Uri rabbitMq, string stateDirectory, CancellationToken cancellationToken)
    {
        // Each service adds its demo data here.
        var tokens = new DemoTokens(gatewayUrl);
        await InstitutionDemoData.SeedAsync(tokens, cancellationToken);
        var mailbox = new Clients.PickupMailbox(Path.Combine(stateDirectory, "mail"));
        await IdentityDemoData.SeedAsync(tokens, mailbox, cancellationToken);
        await RosterDemoData.SeedAsync(tokens, rabbitMq, cancellationToken);
        await AccessCodeDemoData.SeedAsync(tokens, mailbox, cancellationToken);
    }
}
