using Portal.Roster.Access;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>Staff set the whole set of products (apps) a student may open from the portal; Catalogue is every product id there is.</summary>
public sealed record AssignProducts(
    Guid StudentId, IReadOnlyList<string>? ProductIds, IReadOnlyCollection<string> Catalogue, Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(AssignProducts command, StudentState state)
    {
        if (state.Deleted) throw new NotFound(RosterAccess.StudentNotFound(state.Id));
        if (command.ProductIds is null)
            throw new ValidationFailed("productIds", "Product ids are required (an empty list takes every product away).");
        var wanted = command.ProductIds.Select(p => p?.Trim() ?? "").Distinct().ToList();
        var unknown = wanted.Where(p => !command.Catalogue.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("productIds",
                $"There is no product {Text.List(unknown.Select(Text.Quoted), "or")}; the products are {Text.List(command.Catalogue.Select(Text.Quoted))}.");
        return wanted.ToHashSet().SetEquals(state.Products)
            ? []
            : [new StudentProductsAssigned(state.Id, wanted, command.ActorId, command.At.ToUniversalTime())];
    }
}
