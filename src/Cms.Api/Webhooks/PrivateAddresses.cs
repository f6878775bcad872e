using System.Net;
using System.Net.Sockets;

namespace Cms.Api.Webhooks;

/// <summary>
/// Refuses connections to non-public addresses when <c>AllowPrivateAddresses</c> is false. The check
/// runs on the addresses the connection actually uses (in the socket's connect callback), so a
/// name that resolves to a public address at validation time and a private one later (DNS
/// rebinding) is still refused.
/// </summary>
public static class PrivateAddresses
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivate) =>
        async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = allowPrivate ? addresses : [.. addresses.Where(a => !IsPrivate(a))];
            if (allowed.Length == 0)
                throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to private addresses, which Cms:Webhooks:AllowPrivateAddresses refuses.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127,      // carrier-grade NAT
            169 => b[1] == 254,                    // link-local, cloud metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
            >= 224 => true,                        // multicast and reserved
            _ => false,
        };
    }
}
