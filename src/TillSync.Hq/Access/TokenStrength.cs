using System.Globalization;

namespace TillSync.Hq.Access;

/// <summary>How much guessing a token a person supplies (<c>--admin-token</c>) would take, estimated from the token alone.
/// HQ refuses a manager token under <see cref="BitsMin"/>; the demo only warns.</summary>
/// <remarks>No estimate can know how a string was made, so this one is an upper bound with a check for patterns:
/// <list type="number">
/// <item>as if each character were drawn at random from the alphabet it shows: hexadecimal when every character is a
/// hex digit, otherwise the sum of the classes present (10 digits, 26 lower-case, 26 upper-case letters) plus each
/// distinct other symbol once, so that <c>simulation-manager-token</c> counts 27 symbols, not 59;</item>
/// <item>and no more than 4/3 of the string's own character statistics (Shannon entropy per character × length). A
/// short random string shows up to about a quarter less than its alphabet; a repeated word or run shows far less.</item>
/// </list>
/// 64 hex digits (<c>openssl rand -hex 32</c>) or 43 base64 characters score about 256 bits; 32 random hex digits score
/// 128; <c>T</c>, <c>bench-admin-token</c> or <c>passwordpasswordpasswordpassword</c> score far less.</remarks>
public static class TokenStrength
{
    /// <summary>The least estimated entropy HQ accepts in a manager token, in bits.</summary>
    public const int BitsMin = 128;

    private const int DigitCount = 10;
    private const int LetterCount = 26;
    private const int HexCount = 16;

    /// <summary>The estimated entropy of <paramref name="token"/> in bits (see the remarks on the type).</summary>
    public static double EstimateBits(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        var capacity = token.Length * Math.Log2(AlphabetSize(token));
        var observed = token.Length * ShannonBitsPerCharacter(token);
        return Math.Min(capacity, observed * 4 / 3);
    }

    /// <summary>A sentence saying why <paramref name="token"/> is too weak for a manager token, or null when it is not.</summary>
    public static string? Problem(string token)
    {
        var bits = EstimateBits(token);
        return bits >= BitsMin
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the manager token is too weak: about {bits:0} bits of entropy, and HQ needs at least {BitsMin}. Generate one, e.g. `openssl rand -hex 32 > admin.token`, and pass it with --admin-token-file admin.token (or TILLSYNC_ADMIN_TOKEN_FILE); or give no token and HQ generates one at first start.");
    }

    private static int AlphabetSize(string token)
    {
        if (token.All(char.IsAsciiHexDigitLower) || token.All(char.IsAsciiHexDigitUpper))
        {
            return HexCount;
        }

        var size = (token.Any(char.IsAsciiDigit) ? DigitCount : 0)
            + (token.Any(char.IsAsciiLetterLower) ? LetterCount : 0)
            + (token.Any(char.IsAsciiLetterUpper) ? LetterCount : 0)
            + token.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct().Count();
        return Math.Max(size, 2);
    }

    // Math.Max: a single repeated character sums to -0, which would print as "-0 bits".
    private static double ShannonBitsPerCharacter(string token) =>
        Math.Max(0, -token.GroupBy(c => c)
            .Select(g => (double)g.Count() / token.Length)
            .Sum(p => p * Math.Log2(p)));
}
