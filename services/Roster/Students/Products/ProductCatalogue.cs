namespace Portal.Roster.Students;

/// <summary>A product (app) a student may be given, opened from the portal at its address.</summary>
public sealed record Product(string Id, string Name, string Url);

/// <summary>
/// The products staff may assign, from configuration <c>Portal:Roster:Products</c> (a list of id, name and url);
/// without that section, a development set so a local system has something to assign.
/// </summary>
public sealed class ProductCatalogue(IReadOnlyList<Product> products)
{
    public const string Section = "Portal:Roster:Products";

    public static IReadOnlyList<Product> Development { get; } =
    [
        new("maths-practice", "Maths Practice", "https://apps.portal.localhost/maths-practice"),
        new("reading-journal", "Reading Journal", "https://apps.portal.localhost/reading-journal"),
        new("spelling-bee", "Spelling Bee", "https://apps.portal.localhost/spelling-bee"),
        new("science-lab", "Science Lab", "https://apps.portal.localhost/science-lab"),
        new("typing-trainer", "Typing Trainer", "https://apps.portal.localhost/typing-trainer"),
    ];

    public IReadOnlyList<Product> Products { get; } = products;

    public IReadOnlyCollection<string> Ids { get; } = products.Select(p => p.Id).ToList();

    public static ProductCatalogue From(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Section).Get<List<Product>>() ?? [];
        var broken = configured.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Name)
                                                   || !Uri.TryCreate(p.Url, UriKind.Absolute, out _));
        if (broken is not null)
            throw new InvalidOperationException($"{Section} holds a product without an id, a name or an absolute url: {broken}.");
        var duplicate = configured.GroupBy(p => p.Id.Trim()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{Section} lists product '{duplicate.Key}' more than once.");
        return new ProductCatalogue(configured.Count > 0
            ? configured.Select(p => p with { Id = p.Id.Trim(), Name = p.Name.Trim() }).ToList()
            : Development);
    }
}
