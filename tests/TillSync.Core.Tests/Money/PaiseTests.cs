// Proves Paise rounds half away from zero, to the paisa and to the rupee, and formats rupees with two decimals.
// How: midpoint examples where banker's rounding would differ, and a property on the rupee rounding of any amount.
using CsCheck;
using TillSync.Core.Money;

namespace TillSync.Core.Tests.Money;

public sealed class PaiseTests
{
    [Theory]
    [InlineData("0.5", 1)]
    [InlineData("1.5", 2)]
    [InlineData("2.5", 3)]
    [InlineData("-0.5", -1)]
    [InlineData("-2.5", -3)]
    [InlineData("2.4999", 2)]
    [InlineData("6173.765", 6174)]
    public void Round_Midpoints_GoAwayFromZero(string paise, long expected)
    {
        Assert.Equal(expected, Paise.Round(decimal.Parse(paise, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Round_BeyondLongRange_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => Paise.Round((decimal)long.MaxValue + 1m));
    }

    [Theory]
    [InlineData(1_031_082, 1_031_100)]
    [InlineData(1_031_049, 1_031_000)]
    [InlineData(150, 200)]
    [InlineData(250, 300)]
    [InlineData(149, 100)]
    [InlineData(-150, -200)]
    [InlineData(-149, -100)]
    [InlineData(0, 0)]
    public void RoundToRupee_Examples_RoundHalfAwayFromZero(long paise, long expected)
    {
        Assert.Equal(expected, Paise.RoundToRupee(paise));
    }

    [Fact]
    public void RoundToRupee_AnyAmount_IsNearestWholeRupee()
    {
        Gen.Long.Sample(paise =>
        {
            var rupees = Paise.RoundToRupee(paise);

            Assert.Equal(0, rupees % Paise.PerRupee);
            Assert.InRange((Int128)rupees - paise, -50, 50);
        }, iter: 10_000);
    }

    [Theory]
    [InlineData(315_000, "3150.00")]
    [InlineData(5, "0.05")]
    [InlineData(-5, "-0.05")]
    [InlineData(1_031_100, "10311.00")]
    public void ToRupeeString_Examples_HaveTwoDecimals(long paise, string expected)
    {
        Assert.Equal(expected, Paise.ToRupeeString(paise));
    }
}
