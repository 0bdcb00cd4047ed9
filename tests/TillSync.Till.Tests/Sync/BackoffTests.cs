// Proves the sync agent's backoff: delays double from 1 s up to the cap, each scaled by jitter in [0.5, 1], and a
// success starts again from 1 s. Calls Backoff directly with a Random whose draws the test chooses.
using TillSync.Till.Sync;

namespace TillSync.Till.Tests.Sync;

public sealed class BackoffTests
{
    [Fact]
    public void NextDelay_WithFullJitterFactor_Doubles1To2To4UpToTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(10), new FixedRandom(MaxDraw));

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], delays.Select(d => Math.Round(d, 3)));
    }

    [Fact]
    public void NextDelay_WithLowestJitterFactor_IsHalfOfEachStep()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(10), new FixedRandom(0));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        Assert.Equal([0.5, 1, 2, 4, 5, 5], delays);
    }

    [Fact]
    public void NextDelay_WithRealJitter_StaysWithinHalfToFullOfEachStep()
    {
        var seed = Random.Shared.Next();
        var cap = TimeSpan.FromSeconds(30);
        var backoff = new Backoff(cap, new Random(seed));

        for (var failure = 0; failure < 40; failure++)
        {
            var step = Math.Min(Math.Pow(2, Math.Min(failure, 20)), cap.TotalSeconds);
            var delay = backoff.NextDelay().TotalSeconds;
            Assert.True(delay >= step * 0.5 && delay <= step, $"seed {seed}, failure {failure + 1}: {delay} s outside [{step * 0.5}, {step}]");
        }
    }

    [Fact]
    public void NextDelay_AfterManyFailures_NeverOverflowsAndStaysAtTheCap()
    {
        var cap = TimeSpan.FromMinutes(5);
        var backoff = new Backoff(cap, new FixedRandom(MaxDraw));

        var last = TimeSpan.Zero;
        for (var failure = 0; failure < 10_000; failure++)
        {
            last = backoff.NextDelay();
        }

        Assert.Equal(cap.TotalSeconds, Math.Round(last.TotalSeconds, 1));
    }

    [Fact]
    public void Reset_AfterFailures_StartsAgainFromOneSecond()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(10), new FixedRandom(MaxDraw));
        for (var failure = 0; failure < 5; failure++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.Equal(1, Math.Round(backoff.NextDelay().TotalSeconds, 3));
        Assert.Equal(2, Math.Round(backoff.NextDelay().TotalSeconds, 3));
    }

    [Fact]
    public void NextDelay_CapBelowOneSecond_IsTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), new FixedRandom(MaxDraw));

        Assert.Equal(200, Math.Round(backoff.NextDelay().TotalMilliseconds));
        Assert.Equal(200, Math.Round(backoff.NextDelay().TotalMilliseconds));
    }

    // The largest value Random.NextDouble can return.
    private const double MaxDraw = 1 - 1e-9;

    /// <summary>A Random whose every draw is <paramref name="value"/>: the jitter factor is then 0.5 + value / 2.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;

        protected override double Sample() => value;
    }
}
