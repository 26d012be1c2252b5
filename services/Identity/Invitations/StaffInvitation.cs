using System.Security.Cryptography;
using Portal.Identity.Mail;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Invitations;

/// <param name="Cause">What asked for it: the registration event's id, or the re-issue request's, so a replay issues nothing new.</param>
public sealed record IssueStaffInvitation(Guid AccountId, Guid OrganisationId, string TokenHash, Guid Cause, DateTimeOffset At);

public sealed record AcceptStaffInvitation(Guid AccountId, string TokenHash, DateTimeOffset At);

public sealed record StaffInvitationIssued(Guid AccountId, Guid OrganisationId, string TokenHash, DateTimeOffset ExpiresAt, Guid Cause, DateTimeOffset At);

public sealed record StaffInvitationAccepted(Guid AccountId, string TokenHash, DateTimeOffset At);

/// <summary>
/// A member of staff's invitation to set their password: at most one link works at a time (the latest issued), once,
/// for seven days. Lives in the organisation's tenant, in a stream beside the account's (<see cref="StreamId"/>).
/// </summary>
public sealed record StaffInvitationState(
    Guid Id, Guid AccountId, Guid OrganisationId, string TokenHash, DateTimeOffset ExpiresAt, bool Accepted, Guid Cause)
{
    public static StaffInvitationState Create(StaffInvitationIssued e) =>
        new(StreamId(e.AccountId), e.AccountId, e.OrganisationId, e.TokenHash, e.ExpiresAt, Accepted: false, e.Cause);

    public StaffInvitationState Apply(StaffInvitationIssued e) =>
        this with { TokenHash = e.TokenHash, ExpiresAt = e.ExpiresAt, Accepted = false, Cause = e.Cause };

    public StaffInvitationState Apply(StaffInvitationAccepted e) => this with { Accepted = true };

    /// <summary>Derived from the account id, which the staff account's own stream already uses.</summary>
    public static Guid StreamId(Guid accountId)
    {
        Span<byte> input = stackalloc byte[11 + 16];
        "invitation:"u8.CopyTo(input);
        accountId.TryWriteBytes(input[11..]);
        return new Guid(SHA256.HashData(input).AsSpan(0, 16));
    }
}

public static class StaffInvitation
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    public const string UnknownLink = "This set-up link is not valid. Check that you copied the whole link from the email.";

    public static object[] Decide(IssueStaffInvitation command, StaffInvitationState? state)
    {
        if (state?.Cause == command.Cause)
            return [];
        var at = command.At.ToUniversalTime();
        return [new StaffInvitationIssued(command.AccountId, command.OrganisationId, command.TokenHash, at + LinkLifetime, command.Cause, at)];
    }

    public static object[] Decide(AcceptStaffInvitation command, StaffInvitationState? state)
    {
        if (state is null)
            throw new LinkRefused(UnknownLink);
        if (state.TokenHash != command.TokenHash)
            throw new LinkRefused("This link has been replaced by a newer invitation. Use the link in the most recent email, or ask your administrator to send a new one.");
        if (state.Accepted)
            throw new LinkRefused("This link has already been used to set your password. Sign in, or ask your administrator for a new invitation.");
        if (command.At >= state.ExpiresAt)
            throw new LinkRefused("This link has expired: invitations are valid for 7 days. Ask your administrator to send a new one.");
        return [new StaffInvitationAccepted(state.AccountId, command.TokenHash, command.At.ToUniversalTime())];
    }
}
