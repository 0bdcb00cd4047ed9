using System.Security.Cryptography;
using System.Text;

namespace TillSync.Core.Staff;

/// <summary>A staff member's PIN as stored: PBKDF2-HMAC-SHA256 (the BCL's <see cref="Rfc2898DeriveBytes.Pbkdf2(string, byte[], int, HashAlgorithmName, int)"/>)
/// over a per-PIN random salt. HQ makes it when a manager sets a PIN; a till checks a typed PIN against it at login,
/// offline, from its snapshot. The PIN itself is never stored, sent to a till, logged or shown (docs/security.md,
/// "Staff PINs", says why the iteration count is what it is and what limits a brute force of a stolen hash).</summary>
/// <param name="hash">The derived key, 32 bytes.</param>
/// <param name="salt">The random salt, 16 bytes.</param>
/// <param name="iterations">PBKDF2 iterations this hash was made with; a hash keeps its own count, so the default can
/// rise without invalidating stored PINs.</param>
public sealed class StaffPin(byte[] hash, byte[] salt, int iterations)
{
    /// <summary>Iterations for a new PIN hash: OWASP's figure for PBKDF2-HMAC-SHA256, about 0.2 s on one till core.
    /// Paid once per login, never per sale.</summary>
    public const int IterationsDefault = 600_000;

    /// <summary>The fewest iterations a stored hash may name; a snapshot naming fewer is refused.</summary>
    public const int IterationsMin = 1_000;

    /// <summary>The most iterations a stored hash may name, so that a corrupt snapshot cannot make a login take hours.</summary>
    public const int IterationsMax = 10_000_000;

    /// <summary>Bytes of salt.</summary>
    public const int SaltBytes = 16;

    /// <summary>Bytes of derived key.</summary>
    public const int HashBytes = 32;

    /// <summary>Digits a PIN has at least.</summary>
    public const int DigitsMin = 4;

    /// <summary>Digits a PIN has at most.</summary>
    public const int DigitsMax = 6;

    /// <summary>The derived key.</summary>
    public byte[] Hash { get; } = hash;

    /// <summary>The salt.</summary>
    public byte[] Salt { get; } = salt;

    /// <summary>The iterations it was made with.</summary>
    public int Iterations { get; } = iterations;

    /// <summary>A new hash of <paramref name="pin"/> with a fresh random salt.</summary>
    public static StaffPin Create(string pin, int iterations = IterationsDefault)
    {
        Invariant.Assert(IsWellFormed(pin));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new StaffPin(Derive(pin, salt, iterations), salt, iterations);
    }

    /// <summary>True when <paramref name="pin"/> is 4 to 6 ASCII digits.</summary>
    public static bool IsWellFormed(string? pin) =>
        pin is { Length: >= DigitsMin and <= DigitsMax } && pin.All(char.IsAsciiDigit);

    /// <summary>A sentence saying what a PIN must be, naming <paramref name="field"/> and never the value.</summary>
    public static string Rule(string field) => $"{field} must be {DigitsMin} to {DigitsMax} digits.";

    /// <summary>True when this hash's parts have the sizes and iteration range a stored hash must have.</summary>
    public bool IsWellFormedHash => Hash.Length == HashBytes && Salt.Length == SaltBytes && Iterations is >= IterationsMin and <= IterationsMax;

    /// <summary>True when <paramref name="pin"/> is the PIN this hash was made from; compared in constant time.</summary>
    public bool Matches(string pin) =>
        IsWellFormed(pin) && IsWellFormedHash && CryptographicOperations.FixedTimeEquals(Derive(pin, Salt, Iterations), Hash);

    private static byte[] Derive(string pin, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
