// Proves EInvoicePayload.For writes payloads NIC's normalized schema accepts, with taxes from GstCalculator, totals
// that add up, and absent optional fields omitted. How: every rate × intra/inter × discount × INV/CRN × e-way, random bills, the NIC sample.
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TillSync.Core.EInvoicing;
using TillSync.Core.Tests.Orders;

namespace TillSync.Core.Tests.EInvoicing;

public sealed class EInvoicePayloadTests
{
    private static readonly int[] RatesBp = [0, 5, 25, 100, 300, 500, 1200, 1800, 2800];

    [Fact]
    public void For_EveryRateSupplyDiscountTypeAndTransport_ValidatesAgainstTheSchema()
    {
        var checkedCount = 0;
        foreach (var rateBp in RatesBp)
        {
            foreach (var buyer in new[] { Bills.IntraStateBuyer, Bills.InterStateBuyer })
            {
                foreach (var discountPaise in new[] { 0L, 12_345L })
                {
                    foreach (var type in new[] { EInvoiceDocumentType.Invoice, EInvoiceDocumentType.CreditNote })
                    {
                        foreach (var transport in new[] { null, Bills.Lorry })
                        {
                            EInvoiceLine[] lines =
                            [
                                new("Basmati Rice 25 kg bag", "10063020", 4m, "BAG", 150_000, discountPaise, rateBp),
                                new("Loose toor dal", "0713", 2.375m, "KGS", 14_999, 0, rateBp),
                            ];
                            var payload = Bills.Payload(buyer, lines, type, transport);
                            var case_ = $"rate {rateBp} bp, POS {buyer.PlaceOfSupply}, discount {discountPaise}, {type}, transport {transport is not null}";

                            Assert.True(EInvoiceSchema.Violations(payload.ToJson()) is [], $"{case_}: {string.Join("; ", EInvoiceSchema.Violations(payload.ToJson()))}");
                            AssertTaxKind(payload, buyer == Bills.IntraStateBuyer);
                            AssertTotalsAddUp(payload);
                            checkedCount++;
                        }
                    }
                }
            }
        }

        Assert.Equal(RatesBp.Length * 16, checkedCount);
    }

    [Fact]
    public void For_RandomBills_ValidateAndAddUp()
    {
        var line = OrderGen.Line.Select(l => new EInvoiceLine("Assorted goods", "85094010", l.Qty, "NOS", l.UnitPricePaise, l.DiscountPaise, l.GstRateBp));
        Gen.Select(line.Array[1, 12], Gen.Bool, Gen.Bool).Sample((lines, intra, withTransport) =>
        {
            var payload = Bills.Payload(intra ? Bills.IntraStateBuyer : Bills.InterStateBuyer, lines, transport: withTransport ? Bills.Lorry : null);

            Assert.Empty(EInvoiceSchema.Violations(payload.ToJson()));
            AssertTaxKind(payload, intra);
            AssertTotalsAddUp(payload);
        }, iter: 300);
    }

    [Fact]
    public void For_AbsentOptionalFields_AreOmittedNotNull()
    {
        var seller = Bills.Seller with { TradeName = null };
        var buyer = Bills.IntraStateBuyer with { Pin = null };
        var payload = Bills.Payload(buyer, [new("Mixer Grinder 750W", "85094010", 1m, "NOS", 349_900, 10_000, 1800)], seller: seller);

        var json = JsonNode.Parse(payload.ToJson())!.AsObject();

        Assert.DoesNotContain("null", payload.ToJson(), StringComparison.Ordinal);
        Assert.False(json["SellerDtls"]!.AsObject().ContainsKey("TrdNm"));
        Assert.False(json["BuyerDtls"]!.AsObject().ContainsKey("Pin"));
        Assert.False(json.ContainsKey("RefDtls"));
        Assert.False(json.ContainsKey("EwbDtls"));
        Assert.False(json["ItemList"]![0]!.AsObject().ContainsKey("CesRt"));
        Assert.False(json["ValDtls"]!.AsObject().ContainsKey("OthChrg"));
        Assert.Empty(EInvoiceSchema.Violations(payload.ToJson()));
    }

    [Fact]
    public void For_CreditNote_RefersToTheOriginalInvoice()
    {
        var payload = Bills.Payload(Bills.IntraStateBuyer, [new("Mixer Grinder 750W (returned)", "85094010", 1m, "NOS", 339_900, 0, 1800)],
            EInvoiceDocumentType.CreditNote);

        var json = JsonNode.Parse(payload.ToJson())!;

        Assert.Equal("CRN", json["DocDtls"]!["Typ"]!.GetValue<string>());
        Assert.Equal("T01/2627/000041", json["RefDtls"]!["PrecDocDtls"]![0]!["InvNo"]!.GetValue<string>());
        Assert.Equal("26/11/2026", json["RefDtls"]!["PrecDocDtls"]![0]!["InvDt"]!.GetValue<string>());
    }

    [Fact]
    public void For_Transport_WritesTheEwayBillDetails()
    {
        var withVehicle = JsonNode.Parse(Bills.Payload(Bills.InterStateBuyer, [new("LED Television 43 inch", "85287219", 2m, "NOS", 2_800_000, 0, 1800)],
            transport: Bills.Lorry).ToJson())!["EwbDtls"]!.AsObject();
        var transporterOnly = JsonNode.Parse(Bills.Payload(Bills.InterStateBuyer, [new("LED Television 43 inch", "85287219", 2m, "NOS", 2_800_000, 0, 1800)],
            transport: new EInvoiceTransport(120, null, "29AADCT9876L1ZB", null, null)).ToJson())!["EwbDtls"]!.AsObject();

        Assert.Equal("1", withVehicle["TransMode"]!.GetValue<string>());
        Assert.Equal(980, withVehicle["Distance"]!.GetValue<int>());
        Assert.Equal("KA01AB1234", withVehicle["VehNo"]!.GetValue<string>());
        Assert.Equal("R", withVehicle["VehType"]!.GetValue<string>());
        Assert.Equal(["TransId", "Distance"], transporterOnly.Select(p => p.Key));
    }

    [Fact]
    public void For_TheSampleIntraStateInvoice_ReproducesItsAmounts()
    {
        // The lines of shared/einvoice/sample_b2b_intrastate_inv.json, in paise.
        var sellerOf2025 = Bills.Seller;
        EInvoiceLine[] lines =
        [
            new("Basmati Rice 25 kg bag", "10063020", 4m, "BAG", 150_000, 0, 500),
            new("Mixer Grinder 750W", "85094010", 1m, "NOS", 349_900, 10_000, 1800),
        ];
        var document = new EInvoiceDocument(EInvoiceDocumentType.Invoice, "BLR1/2526/000123", new DateOnly(2025, 11, 15), 18, 1_031_100);

        var generated = JsonNode.Parse(EInvoicePayload.For(sellerOf2025, Bills.IntraStateBuyer, document, lines).ToJson())!;
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EInvoicing", "sample_b2b_intrastate_inv.json")))!;

        foreach (var field in new[] { "AssVal", "CgstVal", "SgstVal", "IgstVal", "RndOffAmt", "TotInvVal" })
        {
            Assert.Equal(sample["ValDtls"]![field]!.GetValue<decimal>(), generated["ValDtls"]![field]!.GetValue<decimal>());
        }

        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var field in new[] { "SlNo", "HsnCd", "IsServc" })
            {
                Assert.Equal(sample["ItemList"]![i]![field]!.GetValue<string>(), generated["ItemList"]![i]![field]!.GetValue<string>());
            }

            foreach (var field in new[] { "Qty", "UnitPrice", "TotAmt", "Discount", "AssAmt", "GstRt", "CgstAmt", "SgstAmt", "IgstAmt", "TotItemVal" })
            {
                Assert.Equal(sample["ItemList"]![i]![field]!.GetValue<decimal>(), generated["ItemList"]![i]![field]!.GetValue<decimal>());
            }
        }
    }

    [Fact]
    public void For_AmountsInRupees_CarryTwoDecimals()
    {
        var json = Bills.Payload(Bills.IntraStateBuyer, [new("Basmati Rice 25 kg bag", "10063020", 4m, "BAG", 150_000, 0, 500)]).ToJson();

        Assert.Contains("\"UnitPrice\":1500.00", json, StringComparison.Ordinal);
        Assert.Contains("\"AssVal\":6000.00", json, StringComparison.Ordinal);
        Assert.Contains("\"GstRt\":5.00", json, StringComparison.Ordinal);
        Assert.Contains("\"RndOffAmt\":0.00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RecordedTotalThatDisagreesWithTheLines_BreaksAnInvariant()
    {
        var document = new EInvoiceDocument(EInvoiceDocumentType.Invoice, "T01/2627/000042", Bills.Date, 0, 630_001);

        Assert.Throws<InvariantViolationException>(() => EInvoicePayload.For(Bills.Seller, Bills.IntraStateBuyer, document,
            [new("Basmati Rice 25 kg bag", "10063020", 4m, "BAG", 150_000, 0, 500)]));
    }

    [Fact]
    public void FromJson_ReadsBackWhatToJsonWrote()
    {
        var payload = Bills.Payload(Bills.InterStateBuyer, [new("LED Television 43 inch", "85287219", 2m, "NOS", 2_800_000, 0, 1800)],
            EInvoiceDocumentType.CreditNote, Bills.Lorry);

        using var document = JsonDocument.Parse(payload.ToJson());
        var read = EInvoicePayload.FromJson(document.RootElement);

        Assert.Equal(payload.ToJson(), read.ToJson());
    }

    private static void AssertTaxKind(EInvoicePayload payload, bool intraState)
    {
        foreach (var item in payload.Items)
        {
            if (intraState)
            {
                Assert.Equal(0m, item.IgstAmount);
                Assert.Equal(item.CgstAmount, item.SgstAmount);
            }
            else
            {
                Assert.Equal(0m, item.CgstAmount);
                Assert.Equal(0m, item.SgstAmount);
            }
        }
    }

    private static void AssertTotalsAddUp(EInvoicePayload payload)
    {
        var values = payload.Values;
        Assert.Equal(payload.Items.Sum(i => i.AssessableAmount), values.AssessableValue);
        Assert.Equal(payload.Items.Sum(i => i.CgstAmount), values.CgstValue);
        Assert.Equal(payload.Items.Sum(i => i.SgstAmount), values.SgstValue);
        Assert.Equal(payload.Items.Sum(i => i.IgstAmount), values.IgstValue);
        Assert.Equal(payload.Items.Sum(i => i.TotalItemValue) + values.RoundOff, values.TotalInvoiceValue);
        Assert.Equal(decimal.Truncate(values.TotalInvoiceValue), values.TotalInvoiceValue);
        foreach (var item in payload.Items)
        {
            Assert.Equal(item.GrossAmount - item.Discount, item.AssessableAmount);
            Assert.Equal(item.AssessableAmount + item.CgstAmount + item.SgstAmount + item.IgstAmount, item.TotalItemValue);
        }
    }
}
