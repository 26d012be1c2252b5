using Portal.Roster.Students;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentProductsTests
{
    static readonly string[] Catalogue = ["maths-practice", "reading-journal", "spelling-bee"];

    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    static AssignProducts Assign(params string[]? ids) => new(StudentId, ids, Catalogue, Admin, At);

    [Fact]
    public void Assigning_products_records_the_whole_set_once_each() =>
        Given().When(s => Student.Decide(Assign("maths-practice", " spelling-bee", "maths-practice"), s))
            .Then(new StudentProductsAssigned(StudentId, ["maths-practice", "spelling-bee"], Admin, At));

    [Fact]
    public void Assigning_the_same_products_in_another_order_records_nothing() =>
        Given(new StudentProductsAssigned(StudentId, ["maths-practice", "spelling-bee"], Admin, Earlier))
            .When(s => Student.Decide(Assign("spelling-bee", "maths-practice"), s))
            .ThenNothing();

    [Fact]
    public void An_empty_list_takes_every_product_away() =>
        Given(new StudentProductsAssigned(StudentId, ["maths-practice"], Admin, Earlier))
            .When(s => Student.Decide(Assign(), s))
            .Then(new StudentProductsAssigned(StudentId, [], Admin, At));

    [Fact]
    public void Unknown_products_are_refused_by_name() =>
        Given().When(s => Student.Decide(Assign("maths-practice", "chess-club", "robotics"), s))
            .ThenInvalid("productIds",
                "There is no product 'chess-club' or 'robotics'; the products are 'maths-practice', 'reading-journal' and 'spelling-bee'.");

    [Fact]
    public void A_missing_list_is_invalid() =>
        Given().When(s => Student.Decide(Assign(null), s))
            .ThenInvalid("productIds", "Product ids are required (an empty list takes every product away).");
}
