namespace Portal.Institution.Organisations;

/// <summary>The kinds of customer that run schools.</summary>
public enum OrganisationKind
{
    District,
    MultiAcademyTrust,
    LocalAuthority,
}
