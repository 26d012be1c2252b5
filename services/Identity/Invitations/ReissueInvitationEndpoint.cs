using Marten;
using Portal.Identity.Access;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Invitations;

/// <summary>
/// <c>POST /staff/{id}/invitation</c>: a new set-up link, and earlier ones stop working. Whoever may edit the account
/// may re-issue its invitation (<see cref="StaffManagementRules.EnsureMayEdit"/>): it is how an administrator
/// recovers a lost or expired invitation, or resets a forgotten password.
/// </summary>
public static class ReissueInvitationEndpoint
{
    public static void MapReissueInvitationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/{id:guid}/invitation", async (Guid id, IDocumentSession session, HttpContext http, StaffInvitations invitations) =>
        {
            var actor = StaffCaller.Actor(http);
            var account = await StaffAccountEndpoints.LoadVisible(session, id, actor);
            StaffManagementRules.EnsureMayEdit(actor, account.AsTarget());
            if (!account.Active)
                throw new RuleViolation("The account is deactivated: activate it before sending a new invitation.");
            DateTimeOffset? expires;
            try
            {
                expires = await invitations.IssueAsync(session, account, Guid.NewGuid(), http.RequestAborted);
            }
            catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or IOException or System.Net.Sockets.SocketException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The email could not be sent.",
                    detail: "A new invitation was issued but its email could not be sent, so earlier links no longer work. Try again shortly.");
            }
            return Results.Accepted(value: new { accountId = id, expiresAt = expires });
        })
        .WithTags("Staff accounts")
        .Produces(StatusCodes.Status202Accepted)
        .WithSummary("Send a member of staff a new invitation to set their password (valid 7 days); earlier links stop working.");
    }
}
