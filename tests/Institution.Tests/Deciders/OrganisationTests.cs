using Portal.Institution.Organisations;

namespace Portal.Institution.Tests.Deciders;

public class OrganisationTests
{
    static DeciderSpec<OrganisationState> Registered() => DeciderSpec<OrganisationState>.Given(Sample.OrganisationRegistered());

    [Fact]
    public void Registering_an_organisation_records_its_trimmed_name_and_kind() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, "  Northern Lights Trust ", OrganisationKind.MultiAcademyTrust, Sample.Admin, Sample.At), state))
            .Then(new OrganisationRegistered(Sample.OrganisationId, "Northern Lights Trust", OrganisationKind.MultiAcademyTrust, Sample.Admin, Sample.At));

    [Fact]
    public void Registration_time_is_recorded_in_utc() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, "Shire LA", OrganisationKind.LocalAuthority, Sample.Admin,
                    new DateTimeOffset(2026, 9, 1, 9, 30, 0, TimeSpan.FromHours(1))), state))
            .Then(new OrganisationRegistered(Sample.OrganisationId, "Shire LA", OrganisationKind.LocalAuthority, Sample.Admin,
                new DateTimeOffset(2026, 9, 1, 8, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Registering_an_organisation_that_exists_is_refused() =>
        Registered()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, "Another", OrganisationKind.District, Sample.Admin, Sample.At), state))
            .ThenRefused($"Organisation 'Northern Lights Trust' is already registered with id {Sample.OrganisationId}.");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Registering_without_a_name_is_invalid(string? name) =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, name!, OrganisationKind.District, Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Organisation name is required.");

    [Fact]
    public void Registering_with_a_name_over_200_characters_is_invalid() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, new string('a', 201), OrganisationKind.District, Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Organisation name must be at most 200 characters (it has 201).");

    [Fact]
    public void A_name_of_exactly_200_characters_is_accepted() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, new string('a', 200), OrganisationKind.District, Sample.Admin, Sample.At), state))
            .Then(new OrganisationRegistered(Sample.OrganisationId, new string('a', 200), OrganisationKind.District, Sample.Admin, Sample.At));

    [Fact]
    public void Registering_with_an_unknown_kind_is_invalid() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Sample.OrganisationId, "X", (OrganisationKind)42, Sample.Admin, Sample.At), state))
            .ThenInvalid("kind", "Kind must be one of District, MultiAcademyTrust, LocalAuthority.");

    [Fact]
    public void Registering_without_an_id_is_invalid() =>
        DeciderSpec<OrganisationState>.Given()
            .WhenStarting(state => Organisation.Decide(
                new RegisterOrganisation(Guid.Empty, "X", OrganisationKind.District, Sample.Admin, Sample.At), state))
            .ThenInvalid("organisationId", "Organisation id is required.");

    [Fact]
    public void Renaming_records_the_new_trimmed_name() =>
        Registered()
            .When(state => Organisation.Decide(new RenameOrganisation(Sample.OrganisationId, " Aurora Trust ", Sample.Admin, Sample.At), state))
            .Then(new OrganisationRenamed(Sample.OrganisationId, "Aurora Trust", Sample.Admin, Sample.At));

    [Fact]
    public void Renaming_to_the_current_name_records_nothing() =>
        Registered()
            .When(state => Organisation.Decide(new RenameOrganisation(Sample.OrganisationId, "Northern Lights Trust ", Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Renaming_to_a_blank_name_is_invalid() =>
        Registered()
            .When(state => Organisation.Decide(new RenameOrganisation(Sample.OrganisationId, " ", Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Organisation name is required.");

    [Fact]
    public void Renaming_to_a_name_over_200_characters_is_invalid() =>
        Registered()
            .When(state => Organisation.Decide(new RenameOrganisation(Sample.OrganisationId, new string('b', 250), Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Organisation name must be at most 200 characters (it has 250).");
}
