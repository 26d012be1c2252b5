namespace Portal.ServiceDefaults.Persistence;

/// <summary>Marks an integration message as applied; stored in the same session as its effect.</summary>
public sealed class HandledMessage
{
    public required string Id { get; init; }
    public required string MessageType { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}
