namespace Portal.Roster.Classes;

// The events of a class (teaching group) stream. ActorId is the member of staff who made the change; null when
// the school's MIS sync made it.

public enum ClassSource { Mis, Staff, Import }

public sealed record ClassCreated(
    Guid ClassId, Guid SchoolId, string? MisClassId, string Name, string? Subject, ClassSource Source, Guid? ActorId, DateTimeOffset At);

public sealed record ClassRenamed(Guid ClassId, string Name, string? Subject, Guid? ActorId, DateTimeOffset At);

public sealed record ClassActivated(Guid ClassId, Guid? ActorId, DateTimeOffset At);

public sealed record ClassDeactivated(Guid ClassId, Guid? ActorId, DateTimeOffset At);

public sealed record TeacherAssignedToClass(Guid ClassId, Guid TeacherId, Guid? ActorId, DateTimeOffset At);

public sealed record TeacherUnassignedFromClass(Guid ClassId, Guid TeacherId, Guid? ActorId, DateTimeOffset At);

/// <summary>The MIS or a file named a teacher by an email no staff account has yet; assigned when one appears.</summary>
public sealed record TeacherAwaitingAccount(Guid ClassId, string Email, Guid? ActorId, DateTimeOffset At);

public sealed record TeacherNoLongerAwaited(Guid ClassId, string Email, Guid? ActorId, DateTimeOffset At);

public sealed record StudentAddedToClass(Guid ClassId, Guid StudentId, Guid? ActorId, DateTimeOffset At);

public sealed record StudentRemovedFromClass(Guid ClassId, Guid StudentId, Guid? ActorId, DateTimeOffset At);

public sealed record ClassAvatarRestrictionsSet(
    Guid ClassId, bool AvatarBuildingRestricted, bool AccessoryPurchasesRestricted, Guid ActorId, DateTimeOffset At);
