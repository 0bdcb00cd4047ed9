using System.Security.Cryptography;
using TillSync.Irp.Storage;

namespace TillSync.Irp.Authentication;

/// <summary>The key clients encrypt their sign-in with, as NIC hands out its public key for it (a key of its own,
/// not the signing key). Generated on first start into the data dir; its public half, <see cref="PublicKeyFileName"/>,
/// is the file HQ is given (<c>--irp-public-key-file</c>).</summary>
public sealed class PortalKey : IDisposable
{
    /// <summary>The private key, PKCS#8 PEM, readable by the owner only.</summary>
    public const string PrivateKeyFileName = "irp-auth-key.pem";

    /// <summary>The public key, SubjectPublicKeyInfo PEM.</summary>
    public const string PublicKeyFileName = "irp-auth-public.pem";

    private readonly RSA _key;

    private PortalKey(RSA key, string publicKeyPath)
    {
        _key = key;
        PublicKeyPath = publicKeyPath;
    }

    /// <summary>Where the public key's PEM file is.</summary>
    public string PublicKeyPath { get; }

    /// <summary>The key in <paramref name="dataDirectory"/>, created there on first start.</summary>
    public static PortalKey LoadOrCreate(string dataDirectory)
    {
        var (key, publicPath) = KeyFiles.LoadOrCreate(dataDirectory, PrivateKeyFileName, PublicKeyFileName);
        return new PortalKey(key, publicPath);
    }

    /// <summary>The plain sign-in payload, or null when <paramref name="base64"/> does not decrypt with this key.</summary>
    public byte[]? Decrypt(string base64) => TillSync.Core.EInvoicing.NicCrypto.DecryptAtPortal(_key, base64);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
