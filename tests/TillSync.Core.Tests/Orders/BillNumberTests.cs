// Proves bill numbers carry the Indian financial year counted in IST, fit the e-invoice schema, and belong to one till's series.
// How: the 31 March / 1 April boundary written in IST and in UTC, schema edge cases, and a Format → BelongsTo round-trip property.
using CsCheck;
using TillSync.Core.Orders;

namespace TillSync.Core.Tests.Orders;

public sealed class BillNumberTests
{
    private static readonly TimeSpan Ist = BillNumber.IstOffset;

    [Fact]
    public void Format_DesignExample_IsPrefixYearAndSixDigits()
    {
        var createdAt = new DateTimeOffset(2026, 11, 28, 10, 15, 0, Ist);

        Assert.Equal("T01/2627/000042", BillNumber.Format("T01", createdAt, 42));
        Assert.Equal("BLR1/2627/999999", BillNumber.Format("BLR1", createdAt, 999_999));
    }

    [Fact]
    public void FinancialYear_LastMinuteOf31MarchIst_IsPreviousYear()
    {
        Assert.Equal("2526", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 23, 59, 0, Ist)));
        Assert.Equal("2526", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 23, 59, 59, Ist).AddTicks(9_999_999)));
    }

    [Fact]
    public void FinancialYear_MidnightOf1AprilIstWrittenInUtc_IsNewYear()
    {
        // 18:30 UTC on 31 March is 00:00 IST on 1 April.
        Assert.Equal("2627", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2526", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 18, 29, 59, TimeSpan.Zero)));
        Assert.Equal("2627", BillNumber.FinancialYear(new DateTimeOffset(2026, 4, 1, 0, 0, 0, Ist)));
    }

    [Fact]
    public void FinancialYear_1AprilInAWesternOffset_IsCountedInIst()
    {
        // At UTC−4, 31 March 14:00 is 23:30 IST (still 31 March) and 14:30 is midnight IST (1 April).
        Assert.Equal("2526", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 14, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("2627", BillNumber.FinancialYear(new DateTimeOffset(2026, 3, 31, 14, 30, 0, TimeSpan.FromHours(-4))));
    }

    [Theory]
    [InlineData(2026, 11, 28, "2627")]
    [InlineData(2026, 1, 15, "2526")]
    [InlineData(2017, 7, 1, "1718")]
    [InlineData(2099, 6, 1, "9900")]
    [InlineData(2100, 3, 31, "9900")]
    [InlineData(2000, 1, 1, "9900")]
    [InlineData(2009, 4, 1, "0910")]
    public void FinancialYear_Dates_AreAprilToMarch(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, BillNumber.FinancialYear(new DateTimeOffset(year, month, day, 12, 0, 0, Ist)));
    }

    [Fact]
    public void FinancialYear_SameInstantInAnyOffset_IsTheSame()
    {
        Gen.Select(OrderGen.CreatedAt, Gen.Int[-14 * 60, 14 * 60]).Sample((at, offsetMinutes) =>
            Assert.Equal(BillNumber.FinancialYear(at), BillNumber.FinancialYear(at.ToOffset(TimeSpan.FromMinutes(offsetMinutes)))));
    }

    [Theory]
    [InlineData("T01/2526/000042")]
    [InlineData("1")]
    [InlineData("A")]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("BLR1/2526/000123")]
    [InlineData("T-1/2526/000001")]
    public void IsWellFormed_SchemaShapes_AreWellFormed(string billNo)
    {
        Assert.True(BillNumber.IsWellFormed(billNo));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    [InlineData("T01/2526/0000000000000000000042x")]
    [InlineData("T0123456789/2526/000000000000042")]
    [InlineData("t01/2526/000042")]
    [InlineData("0T1/2526/000042")]
    [InlineData("/T01/2526/00004")]
    [InlineData("-T01/2526/00004")]
    [InlineData("T01 2526 000042")]
    [InlineData("T01_2526_000042")]
    [InlineData("T01/2526/००००४२")]
    public void IsWellFormed_OutsideSchema_IsFalse(string? billNo)
    {
        Assert.False(BillNumber.IsWellFormed(billNo));
    }

    [Fact]
    public void IsWellFormed_FortyCharacters_IsFalse()
    {
        Assert.False(BillNumber.IsWellFormed(new string('A', 40)));
        Assert.False(BillNumber.IsWellFormed("T01/2526/" + new string('0', 31)));
    }

    [Theory]
    [InlineData("T01/2526/000042\n")]
    [InlineData("A\n")]
    public void IsWellFormed_TrailingNewline_IsFalse(string billNo)
    {
        // .NET's '$' also matches before a final '\n'; the e-invoice schema does not allow a newline anywhere.
        Assert.False(BillNumber.IsWellFormed(billNo));
    }

    [Fact]
    public void BelongsTo_OwnSeriesAndYear_IsTrue()
    {
        var createdAt = new DateTimeOffset(2026, 11, 28, 10, 15, 0, Ist);

        Assert.True(BillNumber.BelongsTo("T01/2627/000042", "T01", createdAt));
        Assert.True(BillNumber.BelongsTo("T01/2627/1", "T01", createdAt));
    }

    [Theory]
    [InlineData("T02/2627/000042", "T01")]
    [InlineData("T01/2627/000042", "T0")]
    [InlineData("T011/2627/000042", "T01")]
    [InlineData("T01/2526/000042", "T01")]
    [InlineData("T01/2728/000042", "T01")]
    [InlineData("T01/2627/", "T01")]
    [InlineData("T01/2627/00004A", "T01")]
    [InlineData("T01/2627/0000-2", "T01")]
    [InlineData("T01/2627/000/42", "T01")]
    [InlineData("T012627000042", "T01")]
    public void BelongsTo_OtherSeriesYearOrNumber_IsFalse(string billNo, string billPrefix)
    {
        Assert.False(BillNumber.BelongsTo(billNo, billPrefix, new DateTimeOffset(2026, 11, 28, 10, 15, 0, Ist)));
    }

    [Fact]
    public void BelongsTo_JustAfterMidnight1AprilIst_NeedsTheNewYear()
    {
        var createdAt = new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero);

        Assert.True(BillNumber.BelongsTo("T01/2627/000001", "T01", createdAt));
        Assert.False(BillNumber.BelongsTo("T01/2526/000001", "T01", createdAt));
    }

    [Fact]
    public void Format_AnyPrefixMomentAndNumber_IsWellFormedAndBelongsToItsSeries()
    {
        Gen.Select(OrderGen.BillPrefix, OrderGen.CreatedAt, Gen.Long[1, 999_999]).Sample((prefix, createdAt, number) =>
        {
            var billNo = BillNumber.Format(prefix, createdAt, number);

            Assert.True(BillNumber.IsWellFormed(billNo), billNo);
            Assert.True(BillNumber.BelongsTo(billNo, prefix, createdAt), billNo);
            Assert.Equal($"{prefix}/{BillNumber.FinancialYear(createdAt)}/{number:D6}", billNo);
            Assert.InRange(billNo.Length, 1, Core.Limits.BillNoLengthMax);
        });
    }
}
