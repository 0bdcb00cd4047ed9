// Proves the staff PIN hash: the PIN it was made from matches and any other does not, each hash has its own salt, a
// malformed PIN or hash never matches, and the derivation is PBKDF2-HMAC-SHA256 as docs/security.md states.
using System.Security.Cryptography;
using System.Text;
using TillSync.Core.Staff;

namespace TillSync.Core.Tests.Staff;

public sealed class StaffPinTests
{
    // Fewer iterations than stored PINs use, so the test is quick; the count is part of each hash.
    private const int Iterations = StaffPin.IterationsMin;

    [Theory]
    [InlineData("0000")]
    [InlineData("48291")]
    [InlineData("999999")]
    public void Pin_Hashed_MatchesItselfAndNoNeighbour(string pin)
    {
        var stored = StaffPin.Create(pin, Iterations);

        Assert.True(stored.Matches(pin));
        Assert.False(stored.Matches(pin[..^1] + (pin[^1] == '9' ? '0' : (char)(pin[^1] + 1))));
        Assert.False(stored.Matches(pin + "1"));
    }

    [Fact]
    public void Pin_HashedTwice_HasTwoSaltsAndTwoHashes()
    {
        var first = StaffPin.Create("2580", Iterations);
        var second = StaffPin.Create("2580", Iterations);

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal((StaffPin.HashBytes, StaffPin.SaltBytes), (first.Hash.Length, first.Salt.Length));
    }

    [Fact]
    public void Pin_Hash_IsPbkdf2HmacSha256OfTheAsciiDigits()
    {
        var stored = StaffPin.Create("135790", Iterations);

        var expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes("135790"), stored.Salt, Iterations, HashAlgorithmName.SHA256, 32);

        Assert.Equal(expected, stored.Hash);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234567")]
    [InlineData("12a4")]
    [InlineData("１２３４")]
    [InlineData(" 1234")]
    [InlineData("")]
    [InlineData(null)]
    public void Pin_Malformed_IsRefused(string? pin) => Assert.False(StaffPin.IsWellFormed(pin));

    [Fact]
    public void Hash_WithIterationsOutOfRangeOrWrongSizes_MatchesNothing()
    {
        var stored = StaffPin.Create("4321", Iterations);

        Assert.False(new StaffPin(stored.Hash, stored.Salt, StaffPin.IterationsMin - 1).Matches("4321"));
        Assert.False(new StaffPin(stored.Hash, stored.Salt, StaffPin.IterationsMax + 1).Matches("4321"));
        Assert.False(new StaffPin(stored.Hash[..16], stored.Salt, Iterations).Matches("4321"));
        Assert.False(new StaffPin(stored.Hash, stored.Salt[..8], Iterations).Matches("4321"));
    }
}
