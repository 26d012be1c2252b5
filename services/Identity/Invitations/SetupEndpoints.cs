using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Mail;
using Portal.ServiceDefaults.Problems;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.Invitations;

/// <summary>
/// <c>/account/setup</c>: the invitation link opens a form for a new password; posting it sets the password and uses
/// up the link, in one save. A dead link is refused before anyone types a password.
/// </summary>
public static class SetupEndpoints
{
    public static void MapSetupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(StaffInvitations.SetupPath).AllowAnonymous().ExcludeFromDescription();

        group.MapGet("/", async (string? token, HttpContext http, AccountDirectory directory, TimeProvider clock) =>
        {
            try
            {
                await using var session = directory.QuerySessionFor(null);
                var (link, invitation) = await Open(session, directory, token, http.RequestAborted);
                StaffInvitation.Decide(new AcceptStaffInvitation(link.AccountId, link.Id, clock.GetUtcNow()), invitation);
            }
            catch (LinkRefused refused)
            {
                return Refused(refused);
            }
            return SetupPage(http, token, null);
        });

        group.MapPost("/", async (HttpContext http, AccountDirectory directory, PasswordHasher hasher, TimeProvider clock) =>
        {
            if (!http.Request.HasFormContentType)
                return Render("Set your password", Error("Send the form from the set-up page."), StatusCodes.Status415UnsupportedMediaType);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string? token = form["token"], password = form["password"], confirm = form["confirmPassword"];
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return SetupPage(http, token, "The form had expired. Please enter your new password again.");
            }
            try
            {
                await SetPasswordAsync(directory, hasher, token, password, confirm, clock.GetUtcNow(), http.RequestAborted);
            }
            catch (LinkRefused refused)
            {
                return Refused(refused);
            }
            catch (ValidationFailed invalid)
            {
                return SetupPage(http, token, invalid.Message);
            }
            return Render("Password set", Notice("Your password is set and your account is ready.")
                + $"""<p><a href="{E(http.Request.PathBase + "/account/login")}">Sign in</a></p>""");
        });
    }

    static async Task SetPasswordAsync(
        AccountDirectory directory, PasswordHasher hasher, string? token, string? password, string? confirm, DateTimeOffset now, CancellationToken cancellation)
    {
        InvitationLink link;
        await using (var query = directory.QuerySessionFor(null))
            (link, _) = await Open(query, directory, token, cancellation);

        await using var session = directory.SessionFor(link.OrganisationId);
        var invitation = await session.Events.FetchForWriting<StaffInvitationState>(StaffInvitationState.StreamId(link.AccountId), cancellation);
        var accepted = StaffInvitation.Decide(new AcceptStaffInvitation(link.AccountId, link.Id, now), invitation.Aggregate);
        if (password != confirm)
            throw new ValidationFailed("confirmPassword", "The two passwords do not match.");
        PasswordPolicy.Validate(password);

        var credentials = await session.Events.FetchForWriting<CredentialsState>(CredentialsState.StreamId(link.AccountId), cancellation);
        credentials.AppendMany(Passwords.Decide(new SetPassword(link.AccountId, hasher.Hash(password!), now), credentials.Aggregate));
        invitation.AppendMany(accepted);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            throw new LinkRefused("This link has just been used, or replaced by a newer invitation. Sign in, or ask your administrator for a new invitation.");
        }
    }

    /// <summary>The link's invitation as its organisation has it; unknown links are refused.</summary>
    static async Task<(InvitationLink Link, StaffInvitationState? Invitation)> Open(
        IQuerySession session, AccountDirectory directory, string? token, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token))
            throw new LinkRefused(StaffInvitation.UnknownLink);
        var link = await session.LoadAsync<InvitationLink>(OneTimeTokens.Hash(token), cancellation)
                   ?? throw new LinkRefused(StaffInvitation.UnknownLink);
        await using var tenant = directory.QuerySessionFor(link.OrganisationId);
        return (link, await tenant.LoadAsync<StaffInvitationState>(StaffInvitationState.StreamId(link.AccountId), cancellation));
    }

    static IResult Refused(LinkRefused refused) =>
        Render("Link not valid", Error(refused.Message), StatusCodes.Status400BadRequest);

    static IResult SetupPage(HttpContext http, string? token, string? error) => Render("Set your password",
        Error(error)
        + Notice($"Choose a password of at least {PasswordPolicy.MinimumLength} characters. Long phrases are easier to remember than symbols.")
        + Form(http, http.Request.PathBase + StaffInvitations.SetupPath,
            Hidden("token", token)
            + Field("password", "New password", "password", null, "new-password", autofocus: true)
            + Field("confirmPassword", "Confirm new password", "password", null, "new-password"),
            "Set password"),
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
