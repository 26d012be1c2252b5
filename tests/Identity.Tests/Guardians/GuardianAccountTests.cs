using Portal.Identity.Guardians;
using Portal.Identity.Mail;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Tests.Guardians;

public sealed class GuardianAccountTests
{
    static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly Guid Id = Guid.NewGuid();
    static readonly string Hash = OneTimeTokens.Hash("first-token");

    static GuardianAccountState Given(params object[] events) => events.Aggregate((GuardianAccountState?)null, (state, e) => e switch
    {
        GuardianRegistered x => GuardianAccountState.Create(x),
        GuardianVerificationLinkIssued x => state!.Apply(x),
        GuardianEmailVerified x => state!.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name),
    })!;

    static object[] Registered(string email = "sam.parent@example.org") =>
        GuardianAccount.Decide(new RegisterGuardian(Id, email, "Sam", "Parent", Hash, Now), null);

    [Fact]
    public void Registering_records_the_guardian_with_a_normalised_email_and_a_link_valid_for_24_hours()
    {
        var events = Registered("  Sam.Parent@Example.ORG ");

        Assert.Equal(new GuardianRegistered(Id, "sam.parent@example.org", "Sam", "Parent", Now), events[0]);
        Assert.Equal(new GuardianVerificationLinkIssued(Id, Hash, Now.AddHours(24), Now), events[1]);
        Assert.False(Given(events).EmailVerified);
    }

    [Fact]
    public void Registering_lists_every_field_at_fault()
    {
        var refused = Assert.Throws<ValidationFailed>(() =>
            GuardianAccount.Decide(new RegisterGuardian(Id, "not an email", " ", "", Hash, Now), null));

        Assert.Equal(["email", "familyName", "givenName"], refused.Errors.Keys.Order());
    }

    [Fact]
    public void Registering_an_existing_account_again_is_refused() =>
        Assert.Throws<RuleViolation>(() => GuardianAccount.Decide(new RegisterGuardian(Id, "a@example.org", "A", "B", Hash, Now), Given(Registered())));

    [Fact]
    public void Verifying_with_the_current_link_verifies_the_email()
    {
        var events = GuardianAccount.Decide(new VerifyGuardianEmail(Id, Hash, Now.AddHours(23)), Given(Registered()));

        Assert.Equal([new GuardianEmailVerified(Id, "sam.parent@example.org", Now.AddHours(23))], events);
    }

    [Fact]
    public void A_link_is_refused_once_it_has_expired()
    {
        var refused = Assert.Throws<LinkRefused>(() =>
            GuardianAccount.Decide(new VerifyGuardianEmail(Id, Hash, Now.AddHours(24)), Given(Registered())));

        Assert.Contains("expired", refused.Message);
    }

    [Fact]
    public void A_link_works_once()
    {
        var verified = Given([.. Registered(), new GuardianEmailVerified(Id, "sam.parent@example.org", Now.AddHours(1))]);

        var refused = Assert.Throws<LinkRefused>(() => GuardianAccount.Decide(new VerifyGuardianEmail(Id, Hash, Now.AddHours(2)), verified));

        Assert.Contains("already been used", refused.Message);
    }

    [Fact]
    public void A_new_link_replaces_the_old_one()
    {
        var newer = OneTimeTokens.Hash("second-token");
        var state = Given([.. Registered(), .. GuardianAccount.Decide(new ReissueGuardianVerification(Id, newer, Now.AddHours(30)), Given(Registered()))]);

        var refused = Assert.Throws<LinkRefused>(() => GuardianAccount.Decide(new VerifyGuardianEmail(Id, Hash, Now.AddHours(31)), state));
        Assert.Contains("replaced", refused.Message);
        Assert.Single(GuardianAccount.Decide(new VerifyGuardianEmail(Id, newer, Now.AddHours(31)), state));
    }

    [Fact]
    public void A_verified_guardian_gets_no_new_link() =>
        Assert.Throws<RuleViolation>(() => GuardianAccount.Decide(new ReissueGuardianVerification(Id, Hash, Now),
            Given([.. Registered(), new GuardianEmailVerified(Id, "sam.parent@example.org", Now)])));

    [Fact]
    public void A_link_of_no_account_is_unknown() =>
        Assert.Throws<LinkRefused>(() => GuardianAccount.Decide(new VerifyGuardianEmail(Id, Hash, Now), null));

    [Fact]
    public void Tokens_carry_256_random_bits_and_are_stored_only_as_their_hash()
    {
        var (token, hash) = OneTimeTokens.New();

        Assert.True(token.Length >= 43, token); // 32 bytes in base64url
        Assert.NotEqual(token, hash);
        Assert.Equal(hash, OneTimeTokens.Hash(token));
        Assert.NotEqual(token, OneTimeTokens.New().Token);
    }
}
