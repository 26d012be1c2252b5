using JasperFx;
using JasperFx.Events;
using Marten;
using Portal.Identity.Accounts;
using Portal.Identity.Mail;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.Guardians;

/// <summary><c>GET /guardians/verify?token=</c>: the link from the verification email.</summary>
public static class VerificationEndpoint
{
    public static void MapVerificationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(GuardianMail.VerifyPath, async (string? token, HttpContext http, AccountDirectory directory, TimeProvider clock) =>
        {
            try
            {
                await VerifyAsync(directory, token, clock.GetUtcNow(), http.RequestAborted);
            }
            catch (LinkRefused refused)
            {
                return Render("Link not valid", Error(refused.Message), StatusCodes.Status400BadRequest);
            }
            return Render("Email verified", Notice("Your email address is verified and your account is ready.")
                + $"""<p><a href="{E(http.Request.PathBase + "/account/login")}">Sign in</a></p>""");
        })
        .WithTags("Guardians").AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task VerifyAsync(AccountDirectory directory, string? token, DateTimeOffset now, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token))
            throw new LinkRefused(GuardianAccount.UnknownLink);
        var hash = OneTimeTokens.Hash(token);
        await using var session = directory.SessionFor(null);
        var link = await session.LoadAsync<GuardianVerificationLink>(hash, cancellation)
                   ?? throw new LinkRefused(GuardianAccount.UnknownLink);
        var stream = await session.Events.FetchForWriting<GuardianAccountState>(link.AccountId, cancellation);
        stream.AppendMany(GuardianAccount.Decide(new VerifyGuardianEmail(link.AccountId, hash, now), stream.Aggregate));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            throw new LinkRefused("This link has already been used: your email address is verified. You can sign in.");
        }
    }
}
