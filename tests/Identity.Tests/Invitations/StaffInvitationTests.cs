using Portal.Identity.Invitations;
using Portal.Identity.Mail;

namespace Portal.Identity.Tests.Invitations;

public sealed class StaffInvitationTests
{
    static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly Guid Account = Guid.NewGuid(), Organisation = Guid.NewGuid(), Registration = Guid.NewGuid();
    static readonly string Hash = OneTimeTokens.Hash("first-token");

    static StaffInvitationState? Given(params object[] events) => events.Aggregate((StaffInvitationState?)null, (state, e) => e switch
    {
        StaffInvitationIssued x => state is null ? StaffInvitationState.Create(x) : state.Apply(x),
        StaffInvitationAccepted x => state!.Apply(x),
        _ => throw new ArgumentException(e.GetType().Name),
    });

    static object[] Issued(string hash, Guid cause, DateTimeOffset at, StaffInvitationState? state = null) =>
        StaffInvitation.Decide(new IssueStaffInvitation(Account, Organisation, hash, cause, at), state);

    [Fact]
    public void An_invitation_is_valid_for_seven_days() =>
        Assert.Equal([new StaffInvitationIssued(Account, Organisation, Hash, Now.AddDays(7), Registration, Now)], Issued(Hash, Registration, Now));

    [Fact]
    public void The_same_cause_issues_nothing_twice()
    {
        var state = Given(Issued(Hash, Registration, Now));

        Assert.Empty(Issued(OneTimeTokens.Hash("another"), Registration, Now.AddMinutes(1), state));
    }

    [Fact]
    public void Accepting_with_the_current_link_uses_it_up()
    {
        var state = Given(Issued(Hash, Registration, Now));

        var events = StaffInvitation.Decide(new AcceptStaffInvitation(Account, Hash, Now.AddDays(6)), state);

        Assert.Equal([new StaffInvitationAccepted(Account, Hash, Now.AddDays(6))], events);
        var used = Assert.Throws<LinkRefused>(() =>
            StaffInvitation.Decide(new AcceptStaffInvitation(Account, Hash, Now.AddDays(6)), Given([.. Issued(Hash, Registration, Now), .. events])));
        Assert.Contains("already been used", used.Message);
    }

    [Fact]
    public void An_expired_link_is_refused()
    {
        var refused = Assert.Throws<LinkRefused>(() =>
            StaffInvitation.Decide(new AcceptStaffInvitation(Account, Hash, Now.AddDays(7)), Given(Issued(Hash, Registration, Now))));

        Assert.Contains("expired", refused.Message);
    }

    [Fact]
    public void Re_issuing_replaces_the_earlier_link_even_after_it_was_used()
    {
        var newer = OneTimeTokens.Hash("second-token");
        var first = Issued(Hash, Registration, Now);
        var accepted = new StaffInvitationAccepted(Account, Hash, Now.AddHours(1));
        var state = Given([.. first, accepted, .. Issued(newer, Guid.NewGuid(), Now.AddDays(30), Given([.. first, accepted]))]);

        var refused = Assert.Throws<LinkRefused>(() => StaffInvitation.Decide(new AcceptStaffInvitation(Account, Hash, Now.AddDays(30)), state));
        Assert.Contains("replaced", refused.Message);
        Assert.Single(StaffInvitation.Decide(new AcceptStaffInvitation(Account, newer, Now.AddDays(36)), state));
    }

    [Fact]
    public void No_invitation_means_an_unknown_link() =>
        Assert.Throws<LinkRefused>(() => StaffInvitation.Decide(new AcceptStaffInvitation(Account, Hash, Now), null));

    [Fact]
    public void The_stream_is_the_accounts_own_but_not_its_id() =>
        Assert.NotEqual(Account, StaffInvitationState.StreamId(Account));
}
