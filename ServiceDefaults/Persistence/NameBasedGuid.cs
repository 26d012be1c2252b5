using System.Security.Cryptography;
using System.Text;

namespace Portal.ServiceDefaults.Persistence;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same namespace and name always give the same id, so a stream can be
/// found from what names it (a profile, a roster's sourcedId) without a lookup table.
/// </summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var input = namespaceId.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        // SHA-1 is what version 5 specifies; it derives an id here, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
