using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

/// <summary>The member of staff acting, as their token describes them.</summary>
public sealed record StaffActor(Guid Id, StaffType Type, IReadOnlyList<Guid> Institutions);

/// <summary>The account being acted on, as far as the management rules need it.</summary>
public sealed record StaffTarget(Guid Id, StaffType Type, IReadOnlyList<Guid> Institutions);

/// <summary>How an account is being added; the chart gives each its own row.</summary>
public enum AddingMode { FirstTimeSetUp, Individually, InBulk }
