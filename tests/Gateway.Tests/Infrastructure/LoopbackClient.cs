using System.Net;
using System.Net.Sockets;

namespace NewsPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A client with an address of its own: its connections leave from <c>127.0.0.x</c> (all of 127.0.0.0/8 is
/// loopback on Linux), so a proxy and the gateway see distinct clients on one machine, as behind an ingress.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient Create(Uri baseAddress, string clientAddress)
    {
        var local = IPAddress.Parse(clientAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
