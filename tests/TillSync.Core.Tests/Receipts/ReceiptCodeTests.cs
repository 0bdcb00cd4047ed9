// Proves the signed receipt code round-trips every sale a till can make, pins its documented compact format, and refuses
// what a till must refuse: an altered sale, another till's signature, a till whose key is unknown, and any text that is not
// a code (never throwing). How: real ES256 keys, hand-made tamperings, and CsCheck over random sales and random text.
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using TillSync.Core.Orders;
using TillSync.Core.Receipts;

namespace TillSync.Core.Tests.Receipts;

public sealed class ReceiptCodeTests
{
    private const long TillId = 7;

    private static readonly ReceiptCodeSale Sample = new(
        Guid.Parse("019372a4-5b6c-7d8e-9f01-23456789abcd"), "T07/2627/000042", new DateTimeOffset(2026, 11, 28, 14, 3, 11, 123, BillNumber.IstOffset).AddTicks(4567),
        TillId, 98_000, new ReceiptCodeCustomer("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", null), 9, 40,
        [new ReceiptCodePayment("loyalty", 1_000), new ReceiptCodePayment("cash", 97_000)],
        [new ReceiptCodeLine("RICE-5KG", 2m, 32_500, 0, 500), new ReceiptCodeLine("SUGAR-LOOSE", 0.750m, 4_600, 50, 500)]);

    [Fact]
    public void Payload_OfASale_IsTheDocumentedCompactJson()
    {
        var json = Encoding.UTF8.GetString(ReceiptCode.Payload(Sample));

        var expected = """
            {"i":"019372a4-5b6c-7d8e-9f01-23456789abcd","b":"T07/2627/000042","d":"2026-11-28T14:03:11.1234567+05:30","t":7,"x":98000,
            "c":{"p":"9876543210","g":"29AAACR5055K1Z3","n":"Ramesh Traders"},"y":[9,40],"m":[["loyalty",1000],["cash",97000]],
            "l":[["RICE-5KG","2",32500,0,500],["SUGAR-LOOSE","0.75",4600,50,500]]}
            """.Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(
            expected,
            json);
    }

    [Fact]
    public void Payload_InclusiveLine_AddsASixthElementThatReadsBack()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sale = Sample with { Lines = [new ReceiptCodeLine("BISCUIT-800G", 2m, 9_000, 0, 500, TaxInclusive: true), Sample.Lines[0]] };

        var json = Encoding.UTF8.GetString(ReceiptCode.Payload(sale));
        var check = ReceiptCode.Read(ReceiptCode.Sign(sale, key), KeysOf((TillId, key)));

        Assert.Contains("\"l\":[[\"BISCUIT-800G\",\"2\",9000,0,500,1],[\"RICE-5KG\",\"2\",32500,0,500]]", json, StringComparison.Ordinal);
        Assert.Equal(ReceiptCodeStatus.Valid, check.Status);
        Assert.Equal([true, false], check.Sale!.Lines.Select(l => l.TaxInclusive));
    }

    [Fact]
    public void SignThenRead_WithTheTillsKey_GivesBackTheSale()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var code = ReceiptCode.Sign(Sample, key)!;
        var check = ReceiptCode.Read(code, KeysOf((TillId, key)));

        Assert.StartsWith("TS1.", code, StringComparison.Ordinal);
        Assert.Equal(ReceiptCodeStatus.Valid, check.Status);
        AssertSameSale(Sample, check.Sale!);
    }

    [Fact]
    public void Read_AnyValidSale_RoundTripsExactly()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = KeysOf((TillId, key));
        SaleGen.Sample(sale =>
        {
            var code = ReceiptCode.Sign(sale, key);
            if (code is null)
            {
                return; // too large for one code: covered below
            }

            var check = ReceiptCode.Read(code, keys);
            Assert.Equal(ReceiptCodeStatus.Valid, check.Status);
            AssertSameSale(sale, check.Sale!);
        }, iter: 300);
    }

    [Fact]
    public void Read_OnePriceAltered_IsForged()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var code = ReceiptCode.Sign(Sample, key)!;
        var parts = code.Split('.');
        var altered = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("32500", "92500", StringComparison.Ordinal);
        var tampered = $"TS1.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered))}.{parts[2]}";

        var check = ReceiptCode.Read(tampered, KeysOf((TillId, key)));

        Assert.Equal(ReceiptCodeStatus.Forged, check.Status);
        Assert.Null(check.Sale);
        Assert.Contains("altered or forged", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SignedByAnotherKeyThanTheTills_IsForged()
    {
        using var tillKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var check = ReceiptCode.Read(ReceiptCode.Sign(Sample, forger), KeysOf((TillId, tillKey)));

        Assert.Equal(ReceiptCodeStatus.Forged, check.Status);
    }

    [Fact]
    public void Read_TillWithoutAKnownKey_IsUnknownTill()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var check = ReceiptCode.Read(ReceiptCode.Sign(Sample, key), KeysOf((TillId + 1, key)));

        Assert.Equal(ReceiptCodeStatus.UnknownTill, check.Status);
        Assert.Contains("T07/2627/000042", check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8901262150019")]
    [InlineData("TS1.")]
    [InlineData("TS1.abc")]
    [InlineData("TS1.e30.e30")]
    [InlineData("TS1.!!!.???")]
    [InlineData("TS2.e30.AAAA")]
    public void Read_TextThatIsNoCode_IsMalformed(string text)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(ReceiptCodeStatus.Malformed, ReceiptCode.Read(text, KeysOf((TillId, key))).Status);
    }

    [Fact]
    public void Read_AnyText_NeverThrowsAndIsNeverValid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = KeysOf((TillId, key));
        var signed = ReceiptCode.Sign(Sample, key)!;
        Gen.OneOf(Gen.String, Gen.String.Select(s => "TS1." + s), Gen.Int[0, signed.Length - 1].Select(Gen.Char, (at, c) => Flip(signed, at, c)))
            .Sample(text => Assert.NotEqual(ReceiptCodeStatus.Valid, ReceiptCode.Read(text, keys).Status), iter: 2_000);
    }

    [Fact]
    public void Sign_SaleTooLargeForOneCode_GivesNone_AndEveryCodeFitsTheLimit()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var lines = Enumerable.Range(1, 200).Select(i => new ReceiptCodeLine($"SKU-{i:D5}", i, 10_000 + i, 0, 1800)).ToList();

        var largest = Enumerable.Range(1, lines.Count).Select(n => (n, Code: ReceiptCode.Sign(Sample with { Lines = lines[..n] }, key)))
            .TakeWhile(c => c.Code is not null).Last();

        Assert.InRange(largest.n, 15, 40);
        Assert.True(largest.Code!.Length <= ReceiptCode.LengthMax, $"{largest.Code.Length} characters");
        Assert.Null(ReceiptCode.Sign(Sample with { Lines = lines }, key));
    }

    private static string Flip(string text, int at, char c) => text[..at] + (text[at] == c ? (char)(c + 1) : c) + text[(at + 1)..];

    private static Func<long, byte[]?> KeysOf(params (long TillId, ECDsa Key)[] keys) =>
        id => keys.Where(k => k.TillId == id).Select(k => k.Key.ExportSubjectPublicKeyInfo()).FirstOrDefault();

    private static void AssertSameSale(ReceiptCodeSale expected, ReceiptCodeSale actual)
    {
        // A customer with no field at all is written as none.
        var customer = expected.Customer is { Phone: null, Gstin: null, Name: null, PlaceOfSupply: null } ? null : expected.Customer;
        Assert.Equal(expected with { Customer = customer, Payments = [], Lines = [] }, actual with { Payments = [], Lines = [] });
        Assert.Equal(expected.CreatedAt.Offset, actual.CreatedAt.Offset);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.Lines, actual.Lines);
    }

    private static class SaleGen
    {
        private static readonly Gen<ReceiptCodeLine> Line = Gen.Select(Orders.OrderGen.Sku, Orders.OrderGen.SmallQty, Gen.Long[0, 1_000_000],
            Gen.Long[0, 100], Orders.OrderGen.GstRateBp, Gen.Bool,
            (sku, qty, price, discount, rate, taxInclusive) => new ReceiptCodeLine(sku, qty, price, discount, rate, taxInclusive));

        private static readonly Gen<ReceiptCodeCustomer?> Customer = Gen.OneOf(
            Gen.Const((ReceiptCodeCustomer?)null),
            Gen.Select(Gen.OneOfConst<string?>(null, "9876543210"), Gen.OneOfConst<string?>(null, "29AAACR5055K1Z3"),
                Gen.OneOfConst<string?>(null, "Ramesh \"R\" Traders", "नमस्ते"), Gen.OneOfConst<string?>(null, "27"),
                (phone, gstin, name, pos) => (ReceiptCodeCustomer?)new ReceiptCodeCustomer(phone, gstin, name, pos)));

        private static readonly Gen<(Guid Id, long Ticks, long Till, long Total)> Header =
            Gen.Select(Gen.Guid, Gen.Long[0, 99_999_999], Gen.Long[1, 999], Gen.Long[0, 10_000_000_000]);

        private static readonly Gen<ReceiptCodeSale> Sale = Gen.Select(
            Header, Customer, Gen.Long[0, 1_000], Gen.Long[0, 1_000],
            Gen.Select(Gen.OneOfConst("cash", "card", "upi", "loyalty"), Gen.Long[1, 10_000_000]).Array[1, 4], Line.Array[1, 12],
            (header, customer, earn, burn, payments, lines) => new ReceiptCodeSale(
                header.Id, $"T{header.Till:D2}/2627/{header.Total % 999_999:D6}",
                new DateTimeOffset(2026, 11, 28, 0, 0, 0, BillNumber.IstOffset).AddTicks(header.Ticks * 7),
                TillId, header.Total, customer, earn, burn, [.. payments.Select(p => new ReceiptCodePayment(p.Item1, p.Item2))], lines));

        public static void Sample(Action<ReceiptCodeSale> check, int iter) => Sale.Sample(check, iter: iter);
    }
}
