// Proves that a sale's fingerprint stays byte-identical across HQ's move to Core's own types: fixed orders, written as
// tills store and send them, against the fingerprints the code before that move computed for them (HQ stores them).
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Core.Orders;
using TillSync.Hq.Orders;

namespace TillSync.Hq.Tests.Sync;

public sealed class SaleFingerprintPinTests
{
    /// <summary>Each order's JSON exactly as a till stores it, and the fingerprint computed by the code of commit 24f3052
    /// (OrderFingerprint over the wire record), before Core had its own order types. A stored fingerprint that changed
    /// would turn every replay of an old sale from <c>duplicate</c> into <c>conflict</c>.</summary>
    public static TheoryData<string, string> Pinned => new()
    {
        // B2C, IST, one whole-unit line, cash.
        { """{"clientOrderId":"0192a3b4-c5d6-7e8f-9012-3456789abcde","tillSeq":42,"billNo":"T01/2627/000042","createdAt":"2026-11-28T10:00:00+05:30","lines":[{"sku":"RICE-5KG","qty":2,"unitPricePaise":32500,"discountPaise":0,"gstRateBp":500}],"payments":[{"method":"cash","amountPaise":68300}],"totals":{"taxablePaise":65000,"cgstPaise":1625,"sgstPaise":1625,"igstPaise":0,"roundOffPaise":50,"totalPaise":68300}}""",
          "f3904ab72b161175b64cc9a980247bf3fa30517a927d98635a6ca7d7ce3b9f57" },
        // UTC with sub-second ticks, loose goods with trailing zeros, two tenders, explicit null customer and loyalty.
        { """{"clientOrderId":"0193b0c1-d2e3-7f40-8152-63748596a7b8","tillSeq":7,"billNo":"T02/2526/000007","createdAt":"2026-03-31T18:29:59.1234567Z","lines":[{"sku":"SUGAR-LOOSE","qty":2.500,"unitPricePaise":4600,"discountPaise":50,"gstRateBp":500},{"sku":"MILK-500ML","qty":1.0,"unitPricePaise":2800,"discountPaise":0,"gstRateBp":0}],"payments":[{"method":"upi","amountPaise":10000},{"method":"cash","amountPaise":4800}],"totals":{"taxablePaise":14250,"cgstPaise":287,"sgstPaise":287,"igstPaise":0,"roundOffPaise":-24,"totalPaise":14800},"customer":null,"loyalty":null}""",
          "768ffe39df345fb214edd1fc7969577fc1691e4c33bd8e8f8d9c5f5df46c18ec" },
        // B2B inter-state with the buyer's address and PIN.
        { """{"clientOrderId":"0194c1d2-e3f4-7051-9263-748596a7b8c9","tillSeq":3,"billNo":"T03/2627/000003","createdAt":"2026-06-01T09:15:00+05:30","lines":[{"sku":"GHEE-1L","qty":3,"unitPricePaise":65000,"discountPaise":1000,"gstRateBp":1200}],"payments":[{"method":"card","amountPaise":217280}],"totals":{"taxablePaise":194000,"cgstPaise":0,"sgstPaise":0,"igstPaise":23280,"roundOffPaise":0,"totalPaise":217280},"customer":{"phone":"9123456780","gstin":"27AAACS7319F1ZE","name":"Sharma Distributors","placeOfSupply":"27","address1":"4 Market Road","location":"Pune","pin":411001}}""",
          "8f625ab06be9e2214670b08ca71f26428c6f5a1baed3e72529b84c409d52b8a3" },
        // B2B intra-state without an address (as before e-invoicing), loyalty earn and a token burn as a tender.
        { """{"clientOrderId":"0195d2e3-f405-7162-a374-8596a7b8c9d0","tillSeq":12,"billNo":"T01/2627/000012","createdAt":"2026-08-15T23:59:59.9999999+05:30","lines":[{"sku":"SOAP-125G","qty":4,"unitPricePaise":4500,"discountPaise":0,"gstRateBp":1800},{"sku":"COLA-750ML","qty":2,"unitPricePaise":4000,"discountPaise":100,"gstRateBp":2800}],"payments":[{"method":"loyalty","amountPaise":2500},{"method":"cash","amountPaise":29900}],"totals":{"taxablePaise":25900,"cgstPaise":2712,"sgstPaise":2712,"igstPaise":0,"roundOffPaise":-24,"totalPaise":31300},"customer":{"phone":"9876543210","gstin":"29AAACR5055K1Z3","name":"Ramesh Traders","placeOfSupply":"29"},"loyalty":{"earnPoints":3,"burnPoints":100,"redemptionToken":"rt_abc123"}}""",
          "a3bbe12c2c895069b7135f2af599f5a5f3584f7cad1e2ba3fa6895a52d4e147f" },
        // A customer with a phone only and a zero loyalty block (equal to an absent one).
        { """{"clientOrderId":"0196e3f4-0516-7273-b485-96a7b8c9d0e1","tillSeq":1,"billNo":"T09/2425/000001","createdAt":"2024-04-01T00:00:00+05:30","lines":[{"sku":"MILK-500ML","qty":0.001,"unitPricePaise":2800,"discountPaise":0,"gstRateBp":0}],"payments":[{"method":"cash","amountPaise":0}],"totals":{"taxablePaise":3,"cgstPaise":0,"sgstPaise":0,"igstPaise":0,"roundOffPaise":-3,"totalPaise":0},"customer":{"phone":"9000000001"},"loyalty":{"earnPoints":0,"burnPoints":0}}""",
          "6a371dfb6c1f4d192b071528834b09437bb7a9b0ba3acc33c1935330083954d2" },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Fingerprint_OfAStoredOrder_IsTheOneComputedBeforeCoreHadItsOwnTypes(string storedJson, string fingerprint)
    {
        var order = JsonSerializer.Deserialize(storedJson, TillSyncJsonContext.Default.OrderDto)!;

        Assert.Equal(fingerprint, OrderFingerprint.Compute(OrderMapping.ToCore(order)));
    }
}
