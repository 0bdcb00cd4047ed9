// A hand-written clock for tests: it reads whatever time the test set, and moves only when the test moves it.
// It stands in for the system clock at the one boundary the id generator has, as STYLE.md allows for fakes.
namespace TillSync.Core.Tests.Ids;

internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
