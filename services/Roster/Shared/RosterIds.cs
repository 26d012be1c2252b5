using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Shared;

/// <summary>
/// Stream ids of students and classes that come from a school's MIS (or a OneRoster file), derived from what names
/// them there: the same record always finds the same stream, without a lookup table and without a race between
/// two deliveries creating it twice (the second start collides on the id).
/// </summary>
public static class RosterIds
{
    private static readonly Guid Students = new("6a1d2c9e-3f47-4b8a-9e21-5c7d0b4f8a13");
    private static readonly Guid Classes = new("b42e8f10-7c3d-4e59-a6b1-0d9f2e7c5a84");

    public static Guid Student(Guid organisation, Guid school, string misId) =>
        NameBasedGuid.Create(Students, $"{organisation:N}/{school:N}/{misId.Trim()}");

    public static Guid Class(Guid organisation, Guid school, string misClassId) =>
        NameBasedGuid.Create(Classes, $"{organisation:N}/{school:N}/{misClassId.Trim()}");
}
