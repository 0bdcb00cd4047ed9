// One round of the kill -9 tests of a document batch: the till posts its documents and HQ is SIGKILLed while it works.
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Testing;

/// <summary>A document sync cut short by HQ's death.</summary>
public static class KilledSync
{
    /// <summary>Posts <paramref name="documents"/> to <c>/api/v2/sync</c> as <paramref name="till"/>, SIGKILLs
    /// <paramref name="hq"/> after <paramref name="delay"/> (or once the answer came first), and says what the till saw:
    /// an answer, or a broken connection (an unknown outcome).</summary>
    public static async Task<string> PostDocumentsThenKillAsync(HqProcess hq, TillClient till, IReadOnlyList<TillDocumentDto> documents, TimeSpan delay)
    {
        using var client = hq.CreateIsolatedClient(till.Token);
        var post = client.PostAsync("/api/v2/sync", JsonContent.Create(new DocumentSyncRequest(documents), TillSyncJsonContext.Default.DocumentSyncRequest));
        await Task.WhenAny(post, Task.Delay(delay));
        hq.KillHard();
        try
        {
            using var response = await post;
            return $"answered {(int)response.StatusCode} before the kill at {delay.TotalMilliseconds} ms";
        }
        catch (HttpRequestException e)
        {
            return $"connection broken at {delay.TotalMilliseconds} ms ({e.Message})";
        }
    }
}
