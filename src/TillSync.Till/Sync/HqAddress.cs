using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TillSync.Till.Sync;

/// <summary>Where a till may reach HQ. The till sends its token and every sale (customers' phones, GSTINs) to HQ, so a
/// plain <c>http://</c> HQ is allowed only on loopback (the demo, tests, an HQ on the same machine) or when the operator
/// says so with <c>--allow-insecure-hq</c>, e.g. on a store LAN they trust. An <c>https://</c> HQ is checked against the
/// system's trusted CAs, or only against <c>--hq-ca-file</c> when HQ's certificate is the chain's own or self-signed.</summary>
public static class HqAddress
{
    /// <summary>A sentence saying why the till must not use <paramref name="hq"/>, or null when it may.</summary>
    public static string? Problem(Uri hq, bool allowInsecure)
    {
        if (hq.Scheme != Uri.UriSchemeHttps && hq.Scheme != Uri.UriSchemeHttp)
        {
            return $"--hq must be an http:// or https:// address; got '{hq}'.";
        }

        return hq.Scheme == Uri.UriSchemeHttp && !hq.IsLoopback && !allowInsecure
            ? $"--hq {hq} is plain http:// on another machine: the till's token and every sale would cross the network readable and changeable by anyone on the way. Use https:// (with --hq-ca-file for a self-signed certificate), or add --allow-insecure-hq if this network is yours to trust."
            : null;
    }

    /// <summary>The CA certificates in the PEM file <paramref name="path"/>, or a sentence saying what is wrong with it.</summary>
    public static (X509Certificate2Collection? Authorities, string? Problem) LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, $"--hq-ca-file: cannot read certificates from {path} ({e.Message}).");
        }

        return authorities.Count == 0 ? (null, $"--hq-ca-file: {path} holds no PEM certificate.") : (authorities, null);
    }

    /// <summary>The handler the till's HQ client uses: the system's trust, or only <paramref name="authorities"/> when given.</summary>
    public static SocketsHttpHandler Handler(X509Certificate2Collection? authorities)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // HQ compresses the snapshot and its changes (docs/sync.md): 7.8 MB of JSON at 50,000 SKUs is about a tenth of
            // that as brotli.
            AutomaticDecompression = DecompressionMethods.Brotli | DecompressionMethods.GZip,
        };
        if (authorities is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(authorities);
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
        }

        return handler;
    }
}
