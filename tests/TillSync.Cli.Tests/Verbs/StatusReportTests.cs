// Proves `tillsync till status` tells a failing sync from an offline till: HQ answering and refusing prints FAILING with
// HQ's reason, HQ out of reach prints OFFLINE; it says whether HQ holds the till's receipt key and what is wrong with the
// document log against HQ's signed statement. StatusReport.Render over the status a till reports.
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

    [Fact]
    public void Render_LogBehindHq_NamesIt()
    {
        const string behind = "till database is behind what HQ acknowledged: HQ holds seq 42 hash ab12ab12ab12…, this till has seq 37";

        var report = StatusReport.Render(Status("online", "up to date") with { Chain = behind });

        Assert.Matches(@"document log\s+till database is behind what HQ acknowledged: HQ holds seq 42 hash ab12ab12ab12…, this till has seq 37", report);
        Assert.Matches(@"document log\s+nothing wrong", StatusReport.Render(Status("online", "up to date")));
    }

    private static TillStatusView Status(string syncState, string outcome) =>
        new(false, 2, Now.AddMinutes(-9), Now.AddMinutes(-1), Now.AddMinutes(-5), outcome, Now.AddMinutes(-5), Now.AddSeconds(8), 0, "Counter 1", "T01", null,
            Now, syncState, "registered at HQ 2026-11-28 09:00Z");
}
