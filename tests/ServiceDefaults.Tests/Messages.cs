namespace Portal.ServiceDefaults.Tests.Messages;

// MassTransit matches messages on namespace + type name, so test contracts live in their own namespace.
public sealed record SomethingHappened(Guid OrganisationId, string What);

public sealed record OrderPlaced(int Number, bool Poison);
