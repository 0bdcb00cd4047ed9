using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Gst;

/// <summary>A month of one till for GSTR-1: B2B bills within the state and across it, a B2C large bill (inter-state,
/// above ₹1,00,000), B2C small bills within the state and across it, several HSN codes and rates (0, 3, 5, 12, 18 and 28
/// per cent, an inclusive pack, loose sugar by weight), and credit notes to a registered buyer, against the B2C large bill
/// and against a B2C small bill; synced to HQ as a till would send them.</summary>
/// <param name="Sales">The committed sales, in bill order.</param>
/// <param name="CreditNotes">The committed returns, in credit note order.</param>
public sealed record Gstr1Month(IReadOnlyList<OrderDto> Sales, IReadOnlyList<ReturnDto> CreditNotes)
{
    /// <summary>A walk-in buyer who takes delivery in Maharashtra: B2C, inter-state.</summary>
    public static CustomerDto WalkInFromMumbai { get; } = new(null, null, "Anita Desai", "27");

    /// <summary>Syncs the month through <paramref name="till"/> (a v2 till), the <c>i</c>-th document dated
    /// <paramref name="dateOf"/>(i); <paramref name="intraBuyer"/> and <paramref name="interBuyer"/> are the B2B buyers.</summary>
    public static async Task<Gstr1Month> SyncAsync(TillClient till, Func<int, DateTimeOffset> dateOf, CustomerDto intraBuyer, CustomerDto interBuyer)
    {
        var n = 0;
        OrderDto Sale(CustomerDto? customer, params OrderLineDto[] lines) => till.Orders.Build(till.Orders.NextSeq++, lines, customer, dateOf(n++));
        var sales = new List<OrderDto>
        {
            Sale(intraBuyer, OrderFactory.Line("GHEE-1L", 2, 1_000), OrderFactory.Line("SUGAR-LOOSE", 1.375m)),
            Sale(interBuyer, OrderFactory.Line("COLA-750ML", 4), OrderFactory.Line("RICE-5KG", 1)),
            Sale(WalkInFromMumbai, OrderFactory.Line("GOLD-COIN-1G", 14)),
            Sale(null, OrderFactory.Line("SOAP-125G", 3), OrderFactory.Line("MILK-500ML", 2), OrderFactory.Line("BISCUIT-800G", 1)),
            Sale(WalkInFromMumbai, OrderFactory.Line("COLA-750ML", 2)),
            Sale(null, OrderFactory.Line("RICE-5KG", 2), OrderFactory.Line("SUGAR-LOOSE", 0.5m)),
            Sale(intraBuyer, OrderFactory.Line("SOAP-125G", 10)),
        };
        foreach (var sale in sales)
        {
            Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results[0].Status);
        }

        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var documents = new List<TillDocumentDto>
        {
            returns.Next(sales[0], till.TillId, [(1, 1m, ReturnConditions.Restock)], createdAt: dateOf(n++)),
            returns.Next(sales[2], till.TillId, [(1, 2m, ReturnConditions.Restock)], createdAt: dateOf(n++)),
            returns.Next(sales[3], till.TillId, [(1, 1m, ReturnConditions.Damaged)], createdAt: dateOf(n++)),
        };
        foreach (var document in documents)
        {
            Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([document])).Results[0].Status);
        }

        return new Gstr1Month(sales, [.. documents.Select(d => d.Return!)]);
    }
}
