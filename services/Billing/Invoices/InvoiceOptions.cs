namespace Portal.Billing.Invoices;

/// <summary>When invoices issue themselves (configuration section Portal:Billing).</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Portal:Billing";

    /// <summary>How long after a term's last day its invoice waits for late changes before it is issued.</summary>
    public TimeSpan IssueGracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the service looks for invoices whose grace period has passed.</summary>
    public TimeSpan IssueCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
