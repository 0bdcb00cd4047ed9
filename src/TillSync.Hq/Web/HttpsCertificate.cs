using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TillSync.Hq.Web;

/// <summary>The certificate HQ serves HTTPS with (<c>--cert-file</c>): a PEM certificate (chain) with its PEM private key
/// (<c>--cert-key-file</c>, encrypted or not), or a PKCS#12 (<c>.pfx</c>/<c>.p12</c>) file holding both.</summary>
public static class HttpsCertificate
{
    private const string PemStart = "-----BEGIN";

    /// <summary>The certificate with its private key, or a sentence saying what is wrong with the files.</summary>
    /// <param name="certificateFile">PEM or PKCS#12.</param>
    /// <param name="keyFile">The PEM private key; required with a PEM certificate, refused with PKCS#12.</param>
    /// <param name="password">The PKCS#12 file's or the encrypted PEM key's password; null for none.</param>
    public static (X509Certificate2? Certificate, string? Problem) Load(string certificateFile, string? keyFile, string? password)
    {
        try
        {
            if (!File.Exists(certificateFile))
            {
                return (null, $"--cert-file: no file at {Path.GetFullPath(certificateFile)}.");
            }

            var isPem = File.ReadAllText(certificateFile).TrimStart().StartsWith(PemStart, StringComparison.Ordinal);
            if (isPem && keyFile is null)
            {
                return (null, "--cert-file is a PEM certificate: give its private key with --cert-key-file.");
            }

            if (!isPem && keyFile is not null)
            {
                return (null, "--cert-file is a PKCS#12 (.pfx) file, which holds its own key: leave out --cert-key-file.");
            }

            var certificate = !isPem
                ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password)
                : password is null
                    ? X509Certificate2.CreateFromPemFile(certificateFile, keyFile)
                    : X509Certificate2.CreateFromEncryptedPemFile(certificateFile, password, keyFile);
            return certificate.HasPrivateKey
                ? (certificate, null)
                : (null, $"--cert-file: {certificateFile} holds no private key for its certificate.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"--cert-file: cannot load the certificate ({e.Message}). Check the files and --cert-password.");
        }
    }

    /// <summary>A sentence when <paramref name="urls"/> and the presence of a certificate disagree: an <c>https://</c> address
    /// needs a certificate, and a certificate is pointless without one; null when they agree.</summary>
    public static string? UrlsProblem(string urls, bool hasCertificate)
    {
        var https = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        return (https, hasCertificate) switch
        {
            (true, false) => "--urls has an https:// address but no --cert-file was given: HQ needs a certificate to serve HTTPS (docs/security.md).",
            (false, true) => "--cert-file was given but --urls has no https:// address, e.g. --urls https://0.0.0.0:5443.",
            _ => null,
        };
    }
}
