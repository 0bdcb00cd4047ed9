// What a manager's write can change at HQ, captured at one moment so that a test can say "applied once" and "changed
// nothing" exactly: the audit log, the journal, on-hand, stores, staff, catalogue, tills and loyalty settings.
using System.Net;
using TillSync.Contracts;

namespace TillSync.Testing;

/// <summary>HQ's manager-visible state at one moment.</summary>
/// <param name="AuditActions">Every audit entry's action, oldest first: each manager write adds exactly one.</param>
/// <param name="JournalEntries">How many journal entries HQ holds.</param>
/// <param name="State">Stores, staff, products, tills, loyalty settings and on-hand of the default store, as HQ answers them.</param>
public sealed record ManagerFootprint(IReadOnlyList<string> AuditActions, int JournalEntries, string State)
{
    public static async Task<ManagerFootprint> CaptureAsync(HqProcess hq)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        var actions = new List<string>();
        long after = 0;
        while (true)
        {
            var page = await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/audit?after={after}", UriKind.Relative)),
                HttpStatusCode.OK, TillSyncJsonContext.Default.AuditPage, hq);
            actions.AddRange(page.Entries.Select(e => e.Action));
            if (page.Entries.Count == 0)
            {
                break;
            }

            after = page.NextAfter;
        }

        var state = new List<string>();
        foreach (var path in new[] { "/api/v1/stores", "/api/v1/staff", "/api/v1/products", "/api/v1/tills", "/api/v1/loyalty/settings", "/api/v1/stock?limit=500" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, hq);
            state.Add($"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        var journal = await new LedgerClient(hq).JournalAsync();
        return new ManagerFootprint(actions, journal.Count, string.Join('\n', state));
    }

    public bool Equals(ManagerFootprint? other) =>
        other is not null && AuditActions.SequenceEqual(other.AuditActions) && JournalEntries == other.JournalEntries && State == other.State;

    public override int GetHashCode() => HashCode.Combine(AuditActions.Count, JournalEntries, State);

    public override string ToString() =>
        $"{AuditActions.Count} audit entries (last: {(AuditActions.Count == 0 ? "none" : AuditActions[^1])}), {JournalEntries} journal entries\n{State}";

    /// <summary>The actions audited since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ActionsSince(ManagerFootprint before) => [.. AuditActions.Skip(before.AuditActions.Count)];
}
