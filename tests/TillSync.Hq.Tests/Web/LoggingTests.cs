// Proves HQ's logs are structured and never carry a secret: after enrolment, syncs and rejected requests, neither the
// manager token, nor a till token, nor the PostgreSQL connection string appears in anything the process printed.
using TillSync.Testing;

namespace TillSync.Hq.Tests.Web;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_AfterSyncsAndRefusedRequests_HoldNoSecret()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        await till.SyncAsync(till.Orders.NextBatch(5));
        using (var forged = hq.CreateClient(till.Token + "x"))
        {
            await forged.GetAsync(new Uri("/api/v1/till/snapshot", UriKind.Relative));
        }

        await till.PostSyncJsonAsync("{not json");
        await HqState.AssertHealthyAsync(hq);

        var output = hq.Output(2_000);
        Assert.Contains("Sync from till", output, StringComparison.Ordinal); // the batch was logged, so logs were captured
        Assert.DoesNotContain(hq.AdminToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain(till.Token, output, StringComparison.Ordinal);
        if (hq.Postgres is not null)
        {
            Assert.DoesNotContain(hq.Postgres, output, StringComparison.Ordinal);
        }
    }
}
