using JasperFx;
using JasperFx.Events;
using Marten;
using Portal.Identity.Students.StartCards.Codes;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Students.StartCards.Printing;

/// <summary>A card as printed: the plain code exists only here, on its way into the PDF.</summary>
public sealed record StartCard(string StudentName, string SchoolName, string Username, string Code, string SignInUrl, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues a fresh setup code for every holder (each replaces the student's previous one) in one transaction, committed
/// before any card is drawn: a printed code always works, and a failed print leaves the previous codes in place.
/// </summary>
public static class StartCardIssuer
{
    public static async Task<IReadOnlyList<StartCard>> IssueAsync(
        IDocumentSession session, string schoolName, IReadOnlyList<CardHolder> holders, Guid issuedBy,
        StartCardOptions options, DateTimeOffset now, CancellationToken cancellation)
    {
        var expires = now + options.CodeLifetime;
        var signInUrl = options.SignInUrl;
        var cards = new List<StartCard>(holders.Count);
        foreach (var holder in holders)
        {
            var (code, hash) = SetupCodes.New();
            var stream = await session.Events.FetchForWriting<StudentSetupCodeState>(holder.StudentId, cancellation);
            stream.AppendMany(StudentSetupCode.Decide(new IssueSetupCode(holder.StudentId, hash, expires, issuedBy, now), stream.Aggregate));
            cards.Add(new StartCard(holder.Name, schoolName, holder.Username, code, signInUrl, expires));
        }
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            throw new RuleViolation("A student's login changed while the cards were being prepared; nothing was issued. Print again.");
        }
        return cards;
    }
}
