namespace Portal.Roster.Bench;

/// <summary>How many students reached the store and how long it took.</summary>
public sealed record Ingest(int Students, TimeSpan Elapsed)
{
    public double Rate => Students / Elapsed.TotalSeconds;
}

/// <summary>A roll timed until Roster held every student, and on until Identity had enabled every student's login.</summary>
public sealed record EndToEndSync(Ingest Roster, Ingest LoginsEnabled, Ingest Billed);
