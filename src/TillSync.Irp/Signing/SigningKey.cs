using System.Security.Cryptography;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Storage;

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
        var (key, publicPath) = KeyFiles.LoadOrCreate(dataDirectory, PrivateKeyFileName, PublicKeyFileName);
        return new SigningKey(key, publicPath);
    }

    /// <summary>Signs <paramref name="dataJson"/> as NIC signs an invoice or QR code.</summary>
    public string Sign(string dataJson) => IrpSignatures.Sign(dataJson, _key, Jwk.KeyId);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
