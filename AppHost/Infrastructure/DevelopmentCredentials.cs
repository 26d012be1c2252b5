namespace Portal.AppHost.Infrastructure;

/// <summary>
/// LOCAL DEVELOPMENT ONLY. These guard throwaway servers that listen on 127.0.0.1 and keep their data under
/// .state/ in the checkout; they are not secrets and must never be used for anything deployed.
/// </summary>
public static class DevelopmentCredentials
{
    public const string PostgresUser = "postgres";
    public const string PostgresPassword = "local-dev-only-not-a-secret";

    public const string RabbitMqUser = "portal";
    public const string RabbitMqPassword = "local-dev-only-not-a-secret";
}
