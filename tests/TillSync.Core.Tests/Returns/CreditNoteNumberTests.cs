// Proves credit note numbers are the till's own series per financial year and fit the e-invoice document number.
// How: formatting at the year's edges, and the series check against neighbours of a well-formed number.
using TillSync.Core.Orders;
using TillSync.Core.Returns;

namespace TillSync.Core.Tests.Returns;

public sealed class CreditNoteNumberTests
{
    private static readonly DateTimeOffset March31 = new(2027, 3, 31, 23, 59, 0, BillNumber.IstOffset);
    private static readonly DateTimeOffset April1 = new(2027, 4, 1, 0, 1, 0, BillNumber.IstOffset);

    [Fact]
    public void Format_NamesThePrefixTheFinancialYearAndTheCount()
    {
        Assert.Equal("T01/2627/C00007", CreditNoteNumber.Format("T01", March31, 7));
        Assert.Equal("T999/2728/C99999", CreditNoteNumber.Format("T999", April1, 99_999));
        Assert.True(BillNumber.IsWellFormed(CreditNoteNumber.Format("T999", April1, 99_999)));
    }

    [Fact]
    public void Format_OutsideTheSeries_BreaksAnInvariant()
    {
        Assert.Throws<InvariantViolationException>(() => CreditNoteNumber.Format("T01", April1, 0));
        Assert.Throws<InvariantViolationException>(() => CreditNoteNumber.Format("T01", April1, 100_000));
    }

    [Theory]
    [InlineData("T01/2627/C00007", true)]
    [InlineData("T01/2728/C00007", false)]
    [InlineData("T02/2627/C00007", false)]
    [InlineData("T01/2627/000007", false)]
    [InlineData("T01/2627/C0007", false)]
    [InlineData("T01/2627/C000070", false)]
    [InlineData("T01/2627/C0000A", false)]
    [InlineData("T01/2627/C00000", false)]
    [InlineData("t01/2627/C00007", false)]
    [InlineData(null, false)]
    public void BelongsTo_AcceptsOnlyTheTillsSeriesForTheYear(string? creditNoteNo, bool expected)
    {
        Assert.Equal(expected, CreditNoteNumber.BelongsTo(creditNoteNo, "T01", March31));
    }
}
