using System.Net;
using System.Net.Sockets;

namespace Portal.Security.Tests;

/// <summary>
/// A client that reaches the gateway from its own loopback address (127.0.0.x; Linux answers the whole 127/8 range), so
/// per-address limits can be driven to their end without locking out the suite's other clients on 127.0.0.1.
/// </summary>
public static class LoopbackAddress
{
    private static int next = 10;

    /// <summary>
    /// A fresh address for one check: 127.0.R.11, .12 … with R random per call, so a run started within a limit's window
    /// (minutes) of the last one does not inherit its blocks.
    /// </summary>
    public static IPAddress Fresh() => IPAddress.Parse($"127.0.{Random.Shared.Next(1, 250)}.{Interlocked.Increment(ref next)}");

    public static HttpMessageHandler Handler(IPAddress from, bool cookies = false) => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies,
        CookieContainer = new CookieContainer(),
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                var target = (await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, AddressFamily.InterNetwork, cancellation)).First();
                await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>A browser-like client (cookies, no redirects followed) from the address.</summary>
    public static HttpClient Browser(IPAddress from) => new(Handler(from, cookies: true));

    /// <summary>A client for the gateway from the address.</summary>
    public static HttpClient Gateway(IPAddress from, Uri gateway) => new(Handler(from)) { BaseAddress = gateway };
}
