// A self-signed certificate made in the test (CertificateRequest) for 127.0.0.1 and localhost, written as PEM files so
// that a real `tillsync hq` serves HTTPS with it and a real till (or the test's own client) trusts exactly it.
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TillSync.Testing;

/// <summary>A self-signed server certificate in PEM files (<see cref="CertificateFile"/>, <see cref="KeyFile"/>). Dispose
/// deletes them.</summary>
public sealed class TestCertificate : IAsyncDisposable
{
    private readonly string directory;

    private TestCertificate(string directory, X509Certificate2 certificate)
    {
        this.directory = directory;
        Certificate = certificate;
        CertificateFile = Path.Combine(directory, "hq-cert.pem");
        KeyFile = Path.Combine(directory, "hq-key.pem");
    }

    /// <summary>The certificate with its key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate, PEM; also the CA file a client trusts (it is its own issuer).</summary>
    public string CertificateFile { get; }

    /// <summary>The private key, PKCS#8 PEM.</summary>
    public string KeyFile { get; }

    /// <summary>A new certificate for <c>127.0.0.1</c>, <c>::1</c> and <c>localhost</c>, valid from an hour ago for a day.</summary>
    public static TestCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=TillSync test HQ", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server auth
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        var test = new TestCertificate(TempDirectory.Create("certificates"), certificate);
        File.WriteAllText(test.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(test.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return test;
    }

    /// <summary>A handler that trusts this certificate only, as the till does with <c>--hq-ca-file</c>.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(Certificate.RawData));
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Certificate.Dispose();
        await TempDirectory.DeleteAsync(directory);
    }
}
