using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>
/// An MIS message that can never be applied as it stands (unknown school, blank MIS id or names, an invalid email,
/// no organisation). It goes straight to the endpoint's error queue with this message as the reason, without
/// retries, and the next message is applied as usual. The message names MIS ids and fields, never names or emails.
/// </summary>
public sealed class MisRecordRejected(string message) : Exception(message)
{
    /// <summary>At most this many reasons are listed, so the reason fits in a message header.</summary>
    public const int MaxReasonsListed = 20;

    public static MisRecordRejected Listing(string what, IReadOnlyList<string> reasons)
    {
        var listed = string.Join(" ", reasons.Take(MaxReasonsListed));
        var more = reasons.Count > MaxReasonsListed ? $" And {reasons.Count - MaxReasonsListed} more." : "";
        return new MisRecordRejected($"{what} {listed}{more}");
    }

    /// <summary>A refusal of a field, phrased without the value (it may be an email).</summary>
    public static string Describe(ValidationFailed failure) => string.Join(" ", failure.Errors.Select(error =>
        error.Key.EndsWith("mail", StringComparison.OrdinalIgnoreCase) && !error.Value.Any(m => m.Contains("at most", StringComparison.Ordinal))
            ? "Email is not a single email address."
            : string.Join(" ", error.Value)));
}
