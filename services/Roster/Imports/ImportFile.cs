namespace Portal.Roster.Imports;

/// <summary>The uploaded zip as it came, kept beside its job so the job reads exactly what was uploaded.</summary>
public sealed record ImportFile(Guid Id, byte[] Content);
