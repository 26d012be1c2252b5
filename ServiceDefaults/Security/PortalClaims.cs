namespace Portal.ServiceDefaults.Security;

/// <summary>Claim names in Portal access tokens (DESIGN §3). Identity issues them; every service reads them.</summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Kind = "kind";
    public const string StaffType = "staff_type";
    public const string Organisation = "org";
    public const string Institution = "institution";
    public const string AuthenticationMethods = "amr";
    public const string Actor = "act";
    public const string Name = "name";
}

/// <summary>Unknown is what a token without a recognised kind gets: it is granted nothing.</summary>
public enum AccountKind { Unknown, Staff, Student, Guardian, Operator }

public enum StaffType { DistrictAdministrator, CustomerAdministrator, BuildingAdministrator, Teacher }

public static class ClaimValues
{
    public static string Of(AccountKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(StaffType type) => type switch
    {
        StaffType.DistrictAdministrator => "district_administrator",
        StaffType.CustomerAdministrator => "customer_administrator",
        StaffType.BuildingAdministrator => "building_administrator",
        StaffType.Teacher => "teacher",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static StaffType? StaffTypeFrom(string? value) =>
        Enum.GetValues<StaffType>().Cast<StaffType?>().FirstOrDefault(t => Of(t!.Value) == value);

    public static AccountKind? KindFrom(string? value) =>
        Enum.GetValues<AccountKind>().Cast<AccountKind?>().FirstOrDefault(k => Of(k!.Value) == value);
}
