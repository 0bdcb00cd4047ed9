// Proves the IRN formula of docs/einvoice.md: SHA-256 hex of GSTIN + financial year + type + upper-case number.
// How: golden values computed outside .NET (the DUPIRN sample's IRN among them), the 31 March / 1 April boundary, and case.
using TillSync.Core.EInvoicing;

namespace TillSync.Core.Tests.EInvoicing;

public sealed class IrnTests
{
    private const string Seller = "29AABCH1234K1ZN";

    [Fact]
    public void Compute_SampleIntraStateInvoice_EqualsTheIrnInTheDuplicateSample()
    {
        // shared/einvoice/sample_duplicate_2150_response.json answers for sample_b2b_intrastate_inv.json.
        var irn = Irn.Compute(Seller, new DateOnly(2025, 11, 15), EInvoiceDocumentType.Invoice, "BLR1/2526/000123");

        Assert.Equal("3ae146e19932c68bf141ebdfe51a9816a2b127fb594db2dd5e94a3eb2c0de69e", irn);
    }

    [Theory]
    [InlineData(2025, 11, 17, EInvoiceDocumentType.CreditNote, "CN/BLR1/2526/007", "19774f34c87bdc0651266d4544f8eb205620345996bd5b83054bc251cb680ab3")]
    [InlineData(2026, 11, 28, EInvoiceDocumentType.Invoice, "T01/2627/000042", "af1cb743256c9e0ca28356ccaaf34fdcad6ccfbc8657bf6edeff6a5230f6100a")]
    [InlineData(2027, 4, 1, EInvoiceDocumentType.Invoice, "T01/2728/000001", "de611959a82a1e342357962f65c2b43363f9d27136f941b756ea4b8e427b10ef")]
    public void Compute_Documents_MatchGoldenHashes(int year, int month, int day, EInvoiceDocumentType type, string number, string expected)
    {
        Assert.Equal(expected, Irn.Compute(Seller, new DateOnly(year, month, day), type, number));
    }

    [Theory]
    [InlineData(2026, 11, 28, "2026-27")]
    [InlineData(2027, 3, 15, "2026-27")]
    [InlineData(2027, 3, 31, "2026-27")]
    [InlineData(2027, 4, 1, "2027-28")]
    [InlineData(2026, 4, 1, "2026-27")]
    [InlineData(2100, 1, 1, "2099-00")]
    public void FinancialYear_RunsFromAprilToMarch(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Irn.FinancialYear(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Compute_ThirtyFirstMarchAndFirstApril_FallInDifferentYears()
    {
        var march = Irn.Compute(Seller, new DateOnly(2027, 3, 31), EInvoiceDocumentType.Invoice, "T01/000001");
        var sameYear = Irn.Compute(Seller, new DateOnly(2026, 4, 1), EInvoiceDocumentType.Invoice, "T01/000001");
        var april = Irn.Compute(Seller, new DateOnly(2027, 4, 1), EInvoiceDocumentType.Invoice, "T01/000001");

        Assert.Equal(march, sameYear);
        Assert.NotEqual(march, april);
    }

    [Fact]
    public void Compute_DocumentNumber_IsCaseInsensitive()
    {
        var lower = Irn.Compute(Seller, new DateOnly(2025, 11, 15), EInvoiceDocumentType.Invoice, "blr1/2526/000123");

        Assert.Equal("3ae146e19932c68bf141ebdfe51a9816a2b127fb594db2dd5e94a3eb2c0de69e", lower);
    }

    [Fact]
    public void Compute_TypeAndSeller_ArePartOfTheIdentity()
    {
        var date = new DateOnly(2026, 11, 28);
        var invoice = Irn.Compute(Seller, date, EInvoiceDocumentType.Invoice, "T01/2627/000042");

        Assert.NotEqual(invoice, Irn.Compute(Seller, date, EInvoiceDocumentType.CreditNote, "T01/2627/000042"));
        Assert.NotEqual(invoice, Irn.Compute("29AAACR5055K1Z3", date, EInvoiceDocumentType.Invoice, "T01/2627/000042"));
        Assert.True(Irn.IsWellFormed(invoice));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("3AE146E19932C68BF141EBDFE51A9816A2B127FB594DB2DD5E94A3EB2C0DE69E", false)]
    [InlineData("3ae146e19932c68bf141ebdfe51a9816a2b127fb594db2dd5e94a3eb2c0de69", false)]
    [InlineData("3ae146e19932c68bf141ebdfe51a9816a2b127fb594db2dd5e94a3eb2c0de69e", true)]
    public void IsWellFormed_AcceptsOnlyLowercaseHexOfSixtyFour(string? irn, bool expected)
    {
        Assert.Equal(expected, Irn.IsWellFormed(irn));
    }
}
