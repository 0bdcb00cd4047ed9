// Proves `tillsync till status` tells a failing sync from an offline till: HQ answering and refusing prints FAILING with
// HQ's reason, HQ out of reach prints OFFLINE; and it says whether HQ holds the till's receipt key. StatusReport.Render
// over the status a till reports.
using TillSync.Cli.Verbs;
using TillSync.Till.Web;

namespace TillSync.Cli.Tests.Verbs;

public sealed class StatusReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_HqRefusesTheSync_SaysFailingWithTheReason()
    {
        var report = StatusReport.Render(Status("failing", "HQ must be upgraded: it does not take return documents yet; 2 wait on this till"));

        Assert.Matches(@"link\s+FAILING for 5 min", report);
        Assert.Matches(@"last outcome\s+HQ must be upgraded: it does not take return documents", report);
        Assert.Matches(@"receipt key\s+registered at HQ", report);
    }

    [Fact]
    public void Render_HqUnreachable_SaysOffline()
    {
        var report = StatusReport.Render(Status("offline", "HQ unreachable: Connection refused"));

        Assert.Matches(@"link\s+OFFLINE for 5 min", report);
        Assert.DoesNotContain("FAILING", report, StringComparison.Ordinal);
    }

    private static TillStatusView Status(string syncState, string outcome) =>
        new(false, 2, Now.AddMinutes(-9), Now.AddMinutes(-1), Now.AddMinutes(-5), outcome, Now.AddMinutes(-5), Now.AddSeconds(8), 0, "Counter 1", "T01", null,
            Now, syncState, "registered at HQ 2026-11-28 09:00Z");
}
