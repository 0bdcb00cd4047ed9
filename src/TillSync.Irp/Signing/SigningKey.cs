using System.Security.Cryptography;
using TillSync.Core.EInvoicing;
using TillSync.Storage;

namespace TillSync.Irp.Signing;

/// <summary>The simulator's own RSA key, generated on first start and kept in the data dir so that signatures made
/// before a restart still verify after it. Its public half is published as a JWK set (<see cref="IrpPaths.Keys"/>)
/// and as a PEM file beside the database.</summary>
public sealed class SigningKey : IDisposable
{
    /// <summary>The private key, PKCS#8 PEM, readable by the owner only.</summary>
    public const string PrivateKeyFileName = "irp-signing-key.pem";

    /// <summary>The public key, SubjectPublicKeyInfo PEM.</summary>
    public const string PublicKeyFileName = "irp-signing-public.pem";

    private const int KeyBits = 2048;

    private readonly RSA _key;

    private SigningKey(RSA key, string publicKeyPath)
    {
        _key = key;
        Jwk = RsaJwk.From(key);
        PublicKeyPath = publicKeyPath;
    }

    /// <summary>The public key as published; its <c>kid</c> is in every signature's header.</summary>
    public RsaJwk Jwk { get; }

    /// <summary>Where the public key's PEM file is.</summary>
    public string PublicKeyPath { get; }

    /// <summary>The public key in PEM.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The key in <paramref name="dataDirectory"/>, created there on first start.</summary>
    public static SigningKey LoadOrCreate(string dataDirectory)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var privatePath = Path.GetFullPath(Path.Combine(dataDirectory, PrivateKeyFileName));
        var publicPath = Path.GetFullPath(Path.Combine(dataDirectory, PublicKeyFileName));
        var key = RSA.Create();
        if (File.Exists(privatePath))
        {
            key.ImportFromPem(File.ReadAllText(privatePath));
        }
        else
        {
            key.KeySize = KeyBits;
            WriteOwnerOnly(privatePath, key.ExportPkcs8PrivateKeyPem());
        }

        OwnerOnly.Narrow(privatePath);
        OwnerOnly.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return new SigningKey(key, publicPath);
    }

    /// <summary>Signs <paramref name="dataJson"/> as NIC signs an invoice or QR code.</summary>
    public string Sign(string dataJson) => IrpSignatures.Sign(dataJson, _key, Jwk.KeyId);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static void WriteOwnerOnly(string path, string text)
    {
        // Written under a temporary name and renamed, so that a crash never leaves half a key behind.
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FileMode;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(text);
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
    }
}
