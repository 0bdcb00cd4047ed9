using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Reviews;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Runs;

/// <summary>The manager at HQ's review page, between the tills' syncs: now and then they read the open items, oldest
/// first, and decide some of them with an action the item allows, through HQ's own resolution API
/// (<c>POST /api/v1/reviews/{id}/resolution</c>); now and then the answer is lost and the page sends the same
/// <c>resolutionId</c> again, which must answer the same resolution and apply nothing twice. What a decision brings into
/// stock (<c>transfer_in</c>, <c>credit_note</c>) is kept as the manager asked for it, for the on-hand invariant.</summary>
public sealed class ReviewDesk(SimulationOptions options, FakeTimeProvider clock, Random random, Trace trace, HqNode hq)
{
    private const int ItemsReadMax = 50;
    private const double DecidedShare = 0.3;
    private const double ResentShare = 0.2;

    private readonly Dictionary<string, int> _counts = [];

    /// <summary>Stock the manager's decisions brought in, per SKU, in thousandths.</summary>
    public Dictionary<string, long> BroughtInMilliBySku { get; } = new(StringComparer.Ordinal);

    /// <summary>Every decision that moves stock and its value in the books (<c>transfer_in</c>, <c>credit_note</c> of a
    /// shortfall), in order; a <c>write_off</c> moves neither.</summary>
    public List<StockDecision> StockDecisions { get; } = [];

    /// <summary>What the manager decided, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>One visit to the review page; nothing while HQ is down.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (!hq.IsUp)
        {
            return;
        }

        using var listed = await hq.ManagerSendAsync(HttpMethod.Get, $"/api/v1/reviews?status=open&order=oldest&limit={ItemsReadMax}", null, cancellationToken);
        var page = await ReadAsync(listed, TillSyncJsonContext.Default.ReviewPage, cancellationToken);
        foreach (var item in page.Items)
        {
            if (random.NextDouble() < DecidedShare && item.AllowedActions.Count > 0)
            {
                await DecideAsync(item, cancellationToken);
            }
        }
    }

    private async Task DecideAsync(ReviewItemView item, CancellationToken cancellationToken)
    {
        var action = item.AllowedActions[random.Next(item.AllowedActions.Count)];
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var request = new ReviewResolutionRequest(action, "Simulated manager's decision.", new Guid(bytes),
            action == ResolutionActions.Acknowledge ? null : item.ShortQty);
        var first = await ResolveAsync(item.ReviewId, request, cancellationToken);
        Count($"resolution: {item.Kind} {action}");
        if (random.NextDouble() < ResentShare)
        {
            var again = await ResolveAsync(item.ReviewId, request, cancellationToken);
            if (again != first)
            {
                throw new InvalidOperationException($"Seed {options.Seed}: resending resolution {request.ResolutionId} answered {again}, first {first}.");
            }

            Count("resolution: answer lost, same resolutionId resent");
        }

        if (item.Sku is { } sku && request.Qty is { } qty && action is ResolutionActions.TransferIn or ResolutionActions.CreditNote)
        {
            StockDecisions.Add(new StockDecision(sku, action, qty));
            BroughtInMilliBySku[sku] = BroughtInMilliBySku.GetValueOrDefault(sku) + Hq.Stock.Quantity.ToMilli(qty);
        }

        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture, $"manager resolves review {item.ReviewId} ({item.Kind}) {action} {request.Qty}"));
    }

    private async Task<string> ResolveAsync(long reviewId, ReviewResolutionRequest request, CancellationToken cancellationToken)
    {
        using var response = await hq.ManagerSendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/v1/reviews/{reviewId}/resolution"),
            JsonContent.Create(request, TillSyncJsonContext.Default.ReviewResolutionRequest), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"Seed {options.Seed}: HQ refused the resolution of review {reviewId}: {(int)response.StatusCode} {body}");
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync(type, cancellationToken))!
            : throw new InvalidOperationException($"Seed {options.Seed}: HQ refused the review list: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}
