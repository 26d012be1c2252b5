using Npgsql;

namespace Portal.Identity.Tests.Oidc.Persistence;

internal static class UniqueViolation
{
    public static async Task Expect(Func<Task> write, string index)
    {
        var exception = await Record.ExceptionAsync(write);
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
            {
                Assert.Contains(index, postgres.ConstraintName ?? postgres.MessageText);
                return;
            }

        Assert.Fail($"Expected a unique violation of {index}, got {exception?.ToString() ?? "none"}");
    }
}
