using System.Security.Cryptography;
using TillSync.Core.Chain;
using TillSync.Core.Receipts;

namespace TillSync.Till.Receipts;

/// <summary>The till's receipt-signing key (ES256: ECDSA on P-256), made on the till's first start and kept in its data
/// directory as <see cref="FileName"/>, readable by the till's user only. The private half never leaves the till; the
/// public half is registered with HQ (<c>PUT /api/v1/till/key</c>), which hands it to the other tills of the store, so that
/// they can check this till's receipt codes offline (docs/returns.md). The same key signs each entry of the till's document
/// chain (ADR 0016), so one registered key vouches for both.</summary>
public sealed class ReceiptKey : IDisposable
{
    /// <summary>The key file in the till's data directory: the private key as PKCS#8 PEM.</summary>
    public const string FileName = "receipt-key.pem";

    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private ReceiptKey(ECDsa key, string path)
    {
        _key = key;
        FilePath = path;
        PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Where the private key is kept.</summary>
    public string FilePath { get; }

    /// <summary>The public key as HQ records it: base64 of its DER SubjectPublicKeyInfo.</summary>
    public string PublicKey { get; }

    /// <summary>What HQ last said about the key: null before the till asked, else a sentence for the status page.</summary>
    public string? Registration { get; set; }

    /// <summary>Reads the key in <paramref name="dataDirectory"/>, or makes and stores one when there is none. A key file that
    /// cannot be read as a P-256 key is set aside (<c>.damaged</c>) and a new key made: the till keeps selling, and HQ, which
    /// keeps the first key, then says the till must be enrolled anew for its receipts to be checked at other tills.</summary>
    public static ReceiptKey LoadOrCreate(string dataDirectory) =>
        LoadOrCreate(dataDirectory, () => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>As <see cref="LoadOrCreate(string)"/>, with <paramref name="newKey"/> making the key when there is none
    /// (the simulator makes it from its seed, so that a seed replays byte for byte).</summary>
    public static ReceiptKey LoadOrCreate(string dataDirectory, Func<ECDsa> newKey)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
                if (key.KeySize == 256)
                {
                    return new ReceiptKey(key, path);
                }
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                // Unreadable: set aside below.
            }

            key.Dispose();
            File.Move(path, path + ".damaged", overwrite: true);
        }

        var created = newKey();
        Write(path, created.ExportPkcs8PrivateKeyPem());
        return new ReceiptKey(created, path);
    }

    /// <summary>The signed receipt code of <paramref name="sale"/>, or null when the sale is too large for one
    /// (<see cref="ReceiptCode.LengthMax"/>).</summary>
    public string? Sign(ReceiptCodeSale sale)
    {
        lock (_gate)
        {
            return ReceiptCode.Sign(sale, _key);
        }
    }

    /// <summary>The till's signature over a document chain entry's hash (<see cref="DocumentChain.Sign"/>).</summary>
    public string SignChain(string hash)
    {
        lock (_gate)
        {
            return DocumentChain.Sign(hash, _key);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    // Written to a temporary file created owner-only, flushed to disk, then renamed: a crash leaves either no key file or
    // a whole one, never a torn one.
    private static void Write(string path, string pem)
    {
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            using var writer = new StreamWriter(file);
            writer.Write(pem);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
