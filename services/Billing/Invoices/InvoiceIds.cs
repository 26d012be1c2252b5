using Portal.ServiceDefaults.Persistence;

namespace Portal.Billing.Invoices;

/// <summary>
/// An invoice's id (and its stream's) follows from its organisation and term, so a draft and the invoice it becomes
/// share one id, and two attempts to issue the same invoice collide on the stream instead of issuing it twice.
/// </summary>
public static class InvoiceIds
{
    private static readonly Guid Namespace = new("6f1d2a64-6c0e-4a57-9a38-3f4e1c0b7d21");

    public static Guid For(Guid organisationId, string termId) => NameBasedGuid.Create(Namespace, $"{organisationId:N}/{termId}");

    /// <summary>Invoice numbers: PTL- and the issue sequence, six digits at least (PTL-000001).</summary>
    public static string NumberOf(long sequence) => $"PTL-{sequence:D6}";
}
