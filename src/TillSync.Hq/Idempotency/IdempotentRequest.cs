using System.Security.Cryptography;
using System.Text;
using TillSync.Core;
using TillSync.Hq.Access;

namespace TillSync.Hq.Idempotency;

/// <summary>One request that carries an <c>Idempotency-Key</c>: whose key it is, the key's hash (the key itself is never
/// stored), and the fingerprint of what was asked (method, path and the exact body bytes). Its answer is sealed under a
/// key derived from the Idempotency-Key, so only a client holding that key can have it replayed.</summary>
public sealed class IdempotentRequest
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] SealInfo = "TillSync Idempotency-Key answer"u8.ToArray();

    private readonly byte[] _sealKey;

    private IdempotentRequest(Caller caller, string keyHash, byte[] sealKey, string method, string path, string requestHash)
    {
        Caller = caller;
        KeyHash = keyHash;
        _sealKey = sealKey;
        Method = method;
        Path = path;
        RequestHash = requestHash;
    }

    /// <summary>Who sent it: keys are scoped to their caller.</summary>
    public Caller Caller { get; }

    /// <summary>SHA-256 of the key, hex.</summary>
    public string KeyHash { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request path (without the query).</summary>
    public string Path { get; }

    /// <summary>SHA-256 over method, path, query and body bytes, hex: the same operation sent again has the same hash.</summary>
    public string RequestHash { get; }

    /// <summary>The request <paramref name="caller"/> sent with <paramref name="key"/> (already checked by
    /// <see cref="Contracts.Idempotency.IdempotencyKey.Parse"/>).</summary>
    public static IdempotentRequest For(Caller caller, string key, HttpRequest request, ReadOnlySpan<byte> body)
    {
        var keyBytes = Encoding.ASCII.GetBytes(key);
        var sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, keyBytes, 32, salt: [], info: SealInfo);
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        fingerprint.AppendData(body);
        return new IdempotentRequest(caller, Convert.ToHexStringLower(SHA256.HashData(keyBytes)), sealKey, request.Method,
            request.Path.Value ?? "/", Convert.ToHexStringLower(fingerprint.GetHashAndReset()));
    }

    /// <summary>An answer body sealed for storage: nonce, ciphertext and tag, base64.</summary>
    public string Seal(ReadOnlySpan<byte> body)
    {
        var sealedBytes = new byte[NonceBytes + body.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealKey, TagBytes);
        aes.Encrypt(nonce, body, sealedBytes.AsSpan(NonceBytes, body.Length), sealedBytes.AsSpan(NonceBytes + body.Length));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The answer body <see cref="Seal"/> stored. The key hash matched, so the same key sealed it: failing to
    /// open it means the row was altered, a broken invariant.</summary>
    public byte[] Open(string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        Invariant.Assert(sealedBytes.Length >= NonceBytes + TagBytes);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var body = new byte[length];
        using var aes = new AesGcm(_sealKey, TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), body);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvariantViolationException($"Invariant violated: the stored answer to {Method} {Path} does not open under its own key ({e.Message})");
        }

        return body;
    }
}
