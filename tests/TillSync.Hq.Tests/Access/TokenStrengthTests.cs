// Proves the manager token estimate refuses what people type (short words, a repeated word, a made-up phrase) and
// accepts what generators make (openssl rand -hex 32 or -base64 32, HQ's own tokens), including exactly 128 random bits.
using System.Security.Cryptography;
using TillSync.Hq.Access;

namespace TillSync.Hq.Tests.Access;

public sealed class TokenStrengthTests
{
    [Theory]
    [InlineData("")]
    [InlineData("T")]
    [InlineData("admin")]
    [InlineData("bench-admin-token")]
    [InlineData("simulation-manager-token")]
    [InlineData("passwordpasswordpasswordpassword")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("0123456789")]
    public void Problem_WeakToken_SaysHowWeakAndHowToMakeOne(string token)
    {
        var problem = TokenStrength.Problem(token);

        Assert.NotNull(problem);
        Assert.Contains($"HQ needs at least {TokenStrength.BitsMin}", problem, StringComparison.Ordinal);
        Assert.Contains("--admin-token-file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_GeneratedTokens_AreAccepted()
    {
        for (var i = 0; i < 200; i++)
        {
            string[] generated =
            [
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                Tokens.New("mgr_"),
            ];
            foreach (var token in generated)
            {
                Assert.True(TokenStrength.Problem(token) is null, $"{token}: {TokenStrength.EstimateBits(token):0} bits");
            }
        }
    }

    [Fact]
    public void EstimateBits_RandomHexOf128Bits_IsAtTheThresholdAlmostAlways()
    {
        // 32 random hex digits carry exactly 128 bits; about 1 in 10,000 draws is lumpy enough (Shannon entropy below 3 bits
        // per digit) to look patterned, which is why docs/security.md asks for 64 digits.
        const int draws = 1_000;
        var atThreshold = Enumerable.Range(0, draws)
            .Select(_ => TokenStrength.EstimateBits(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))))
            .Count(bits => Math.Abs(bits - 128) < 1e-6);

        Assert.InRange(atThreshold, draws - 10, draws);
    }
}
