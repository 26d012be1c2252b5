using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.ServiceDefaults.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings:rabbitmq, an amqp:// URI). Queues are named after the
    /// service and consumer, are quorum queues, and a message that still fails after the retries lands
    /// in the endpoint's <c>_error</c> queue with the exception in its headers.
    /// </summary>
    public static IHostApplicationBuilder AddPortalMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured."));
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise posts usage reports to its vendor's server: no traffic leaves for anywhere but our broker.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                endpoint.UseMessageRetry(retry => retry.Intervals(200, 1_000, 5_000));
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), VirtualHostOf(uri), host =>
                {
                    var (user, password) = CredentialsOf(uri);
                    host.Username(user);
                    host.Password(password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static string VirtualHostOf(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    private static (string User, string Password) CredentialsOf(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
