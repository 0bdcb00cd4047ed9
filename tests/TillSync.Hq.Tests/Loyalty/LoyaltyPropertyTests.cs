// Property: whatever mix of earns, small offline burns (some beyond the balance) and replays two tills send for a few
// customers, each customer's balance equals the sum of its movements and a model that applies every created sale once;
// a burn is flagged loyalty_overdraft exactly when the model's balance was short; replays answer duplicate and move
// nothing; and the journal balances with liabilities:loyalty moved by the value of the points outstanding. Each generated
// case runs against one real HQ process over HTTP, bounded to a few cases.
using CsCheck;
using TillSync.Contracts.Sync;
using TillSync.Hq.Tests.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Loyalty;

public sealed class LoyaltyPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static readonly Gen<(int Kind, int Till, int Customer, int Points)[]> Steps =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[1, 300]).Array[1, 12];

    [Fact]
    public async Task ReplaysNeverEarnOrBurnTwice_BalanceIsSumOfMovements_OverdraftExactlyWhenShort()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        TillClient[] tills = [await fixture.EnrolTillAsync(), await fixture.EnrolTillAsync()];
        var ledger = new LedgerClient(fixture.Hq);
        await Steps.SampleAsync(async steps =>
        {
            var phones = Enumerable.Range(0, 3).Select(_ => LoyaltyCalls.NewPhone()).ToArray();
            var model = new long[phones.Length];
            var sent = new List<(TillClient Till, OrderDto Order)>();
            var booksBefore = await ledger.TrialBalanceAsync();
            foreach (var (kind, t, c, points) in steps)
            {
                var till = tills[t];
                if (kind == 0 && sent.Count > 0)
                {
                    var (sender, order) = sent[points % sent.Count];
                    var replay = await sender.SyncOneAsync(order);
                    Assert.Equal((SyncStatus.Duplicate, true), (replay.Status, replay.Replayed));
                    continue;
                }

                // Earn on kinds 1–2, burn on 3–5; 300 points × 25 paise stays within the ₹200 offline limit.
                var (earn, burn) = kind is 1 or 2 ? (points, 0L) : (0L, (long)points);
                var sale = till.LoyaltySale(phones[c], earn, burn);
                var result = await till.SyncOneAsync(sale);
                var wasShort = burn > 0 && model[c] < burn;
                Assert.Equal(SyncStatus.Created, result.Status);
                Assert.True(wasShort == result.Flags.Contains(OrderFlags.LoyaltyOverdraft),
                    $"customer {c} had {model[c]} points and burned {burn}; HQ flagged [{string.Join(", ", result.Flags)}]");
                model[c] += earn - burn;
                sent.Add((till, sale));
            }

            long outstanding = 0;
            for (var c = 0; c < phones.Length; c++)
            {
                var customer = await fixture.Manager.CustomerAsync(phones[c]);
                Assert.Equal(model[c], customer.BalancePoints);
                Assert.Equal(customer.BalancePoints, customer.Movements.Sum(m => m.Points));
                outstanding += customer.BalancePoints;
            }

            var booksAfter = await ledger.TrialBalanceAsync();
            Assert.Equal(0, booksAfter.Rows.Sum(r => r.BalancePaise));
            Assert.Equal(-outstanding * 25, Books.Balance(booksAfter, "liabilities:loyalty") - Books.Balance(booksBefore, "liabilities:loyalty"));
        }, iter: 8, threads: 1);
    }
}
