using JasperFx;
using JasperFx.Events;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Students.StartCards.Codes;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Students.StartCards.Setup;

/// <summary>
/// Uses the student's setup code and sets their password in one transaction: the code is spent exactly when the
/// password takes; a refused code is a <see cref="RuleViolation"/>. The password is hashed only once the code has been accepted (the hash is deliberately slow).
/// </summary>
public static class ChoosePassword
{
    public static async Task RunAsync(
        AccountDirectory directory, PasswordHasher hasher, SignInAccount student, string? code, string password,
        DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = directory.SessionFor(student.OrganisationId);
        var codes = await session.Events.FetchForWriting<StudentSetupCodeState>(student.AccountId, cancellation);
        var used = StudentSetupCode.Decide(new UseSetupCode(student.AccountId, code, now), codes.Aggregate);

        var credentials = await session.Events.FetchForWriting<CredentialsState>(CredentialsState.StreamId(student.AccountId), cancellation);
        credentials.AppendMany(Passwords.Decide(new SetPassword(student.AccountId, hasher.Hash(password), now), credentials.Aggregate));
        codes.AppendMany(used);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            // Another request used the code (or a new card was printed) in the meantime.
            throw new RuleViolation(StudentSetupCode.AlreadyUsed);
        }
    }
}
