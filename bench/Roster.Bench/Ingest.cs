namespace Portal.Roster.Bench;

/// <summary>How many students reached the store and how long it took.</summary>
public sealed record Ingest(int Students, TimeSpan Elapsed)
{
    public double Rate => Students / Elapsed.TotalSeconds;
}
