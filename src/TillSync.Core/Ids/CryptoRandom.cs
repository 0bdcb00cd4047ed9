using System.Security.Cryptography;

namespace TillSync.Core.Ids;

/// <summary>A <see cref="Random"/> whose bytes come from the operating system's cryptographic generator: what production
/// hands to <see cref="UuidV7Generator"/>, so that two tills can never share a random sequence. Simulations pass a
/// seeded <see cref="Random"/> instead.</summary>
public sealed class CryptoRandom : Random
{
    /// <summary>A generator over <see cref="RandomNumberGenerator"/>.</summary>
    public CryptoRandom()
        : base(0)
    {
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc />
    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue) => RandomNumberGenerator.GetInt32(maxValue);

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue) => RandomNumberGenerator.GetInt32(minValue, maxValue);

    /// <inheritdoc />
    public override double NextDouble() => RandomNumberGenerator.GetInt32(1 << 30) / (double)(1 << 30);
}
