namespace Portal.Institution.Schools;

public enum SchoolPhase
{
    Nursery,
    Primary,
    Middle,
    Secondary,
    AllThrough,
    Special,
    SixthForm,
    AlternativeProvision,
}
