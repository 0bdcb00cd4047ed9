// Proves UuidV7Generator mints RFC 9562 version-7 ids carrying the clock's Unix milliseconds, strictly increasing, and replayable.
// How: a manual clock and seeded Random; order is checked both as big-endian bytes and as the ordinal order of ToString().
using CsCheck;
using TillSync.Core.Ids;

namespace TillSync.Core.Tests.Ids;

public sealed class UuidV7GeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 4, 45, 0, TimeSpan.Zero);

    /// <summary>Unix milliseconds up to the last one DateTimeOffset can hold (below 2^48, so they fit the field).</summary>
    private static readonly Gen<long> UnixMilliseconds = Gen.Long[0, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()];

    [Fact]
    public void NewId_AnyClockAndSeed_HasVersion7AndRfcVariant()
    {
        Gen.Select(UnixMilliseconds, Gen.Int).Sample((milliseconds, seed) =>
        {
            var generator = new UuidV7Generator(new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)), new Random(seed));
            for (var i = 0; i < 3; i++)
            {
                var id = generator.NewId();
                var bytes = id.ToByteArray(bigEndian: true);

                Assert.Equal(7, id.Version);
                Assert.Equal(0x70, bytes[6] & 0xF0);
                Assert.Equal(0x80, bytes[8] & 0xC0);
                Assert.True(UuidV7Generator.IsVersion7(id));
                Assert.Equal('7', id.ToString()[14]);
            }
        });
    }

    [Fact]
    public void NewId_OnePerMillisecond_TimestampIsClockUnixMilliseconds()
    {
        Gen.Select(UnixMilliseconds, Gen.Int).Sample((milliseconds, seed) =>
        {
            var generator = new UuidV7Generator(new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)), new Random(seed));

            Assert.Equal(milliseconds, TimestampOf(generator.NewId()));
        });
    }

    [Fact]
    public void NewId_UpTo4089InOneMillisecond_KeepTheClockTimestamp()
    {
        // The counter starts at 0 to 7 in a new millisecond, so at least 4096 − 7 ids fit before the timestamp must run ahead.
        var clock = new ManualClock(Start);
        var generator = new UuidV7Generator(clock, new Random(7));

        var ids = Enumerable.Range(0, 0xFFF - 7 + 1).Select(_ => generator.NewId()).ToList();

        Assert.All(ids, id => Assert.Equal(Start.ToUnixTimeMilliseconds(), TimestampOf(id)));
    }

    [Fact]
    public void NewId_TenThousandInOneMillisecond_StrictlyIncrease()
    {
        var generator = new UuidV7Generator(new ManualClock(Start), new Random(42));

        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.NewId()).ToList();

        AssertStrictlyIncreasing(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The 12-bit counter holds 4096 ids a millisecond; beyond that the timestamp runs ahead of the clock, but not far.
        Assert.InRange(TimestampOf(ids[^1]) - Start.ToUnixTimeMilliseconds(), 1, 3);
    }

    [Fact]
    public void NewId_ClockMovingForwardBackOrStill_StrictlyIncrease()
    {
        // Steps in milliseconds: mostly still or forward, sometimes back (an NTP correction).
        var step = Gen.OneOf(Gen.Const(0L), Gen.Long[0, 2], Gen.Long[1, 100_000], Gen.Long[-5_000, -1]);
        Gen.Select(Gen.Int, step.Array[1, 2_000]).Sample((seed, steps) =>
        {
            var clock = new ManualClock(Start);
            var generator = new UuidV7Generator(clock, new Random(seed));
            var ids = new List<Guid>(steps.Length);
            foreach (var milliseconds in steps)
            {
                clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
                ids.Add(generator.NewId());
            }

            AssertStrictlyIncreasing(ids);
        }, iter: 200);
    }

    [Fact]
    public void NewId_ClockStepsBack_NeverRepeatsNorGoesBack()
    {
        var clock = new ManualClock(Start);
        var generator = new UuidV7Generator(clock, new Random(1));
        var before = generator.NewId();

        clock.Advance(TimeSpan.FromHours(-1));
        var after = generator.NewId();

        AssertStrictlyIncreasing([before, after]);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), TimestampOf(after));
    }

    [Fact]
    public void NewId_SameSeedSameClock_SameIds()
    {
        var step = Gen.OneOf(Gen.Const(0L), Gen.Long[0, 1_000]);
        Gen.Select(Gen.Int, step.Array[1, 500]).Sample((seed, steps) =>
        {
            Assert.Equal(Mint(seed, steps), Mint(seed, steps));
        }, iter: 100);
    }

    [Fact]
    public void NewId_DifferentSeeds_DifferentIds()
    {
        long[] steps = [0, 0, 1, 0, 5];

        Assert.Empty(Mint(1, steps).Intersect(Mint(2, steps)));
    }

    [Fact]
    public void IsVersion7_OtherVersions_IsFalse()
    {
        Assert.False(UuidV7Generator.IsVersion7(Guid.Empty));
        Assert.False(UuidV7Generator.IsVersion7(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301")));
        // Version 7 but the Microsoft (110x) variant.
        Assert.False(UuidV7Generator.IsVersion7(Guid.Parse("0193a1b2-c3d4-7e5f-ca6b-7c8d9e0f1a2b")));
        Assert.True(UuidV7Generator.IsVersion7(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")));
    }

    private static List<Guid> Mint(int seed, long[] steps)
    {
        var clock = new ManualClock(Start);
        var generator = new UuidV7Generator(clock, new Random(seed));
        var ids = new List<Guid>();
        foreach (var milliseconds in steps)
        {
            clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
            ids.Add(generator.NewId());
        }

        return ids;
    }

    private static long TimestampOf(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return milliseconds;
    }

    private static void AssertStrictlyIncreasing(List<Guid> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            var previous = ids[i - 1].ToByteArray(bigEndian: true);
            var current = ids[i].ToByteArray(bigEndian: true);
            Assert.True(previous.AsSpan().SequenceCompareTo(current) < 0, $"id {i} {ids[i]} is not after {ids[i - 1]} (bytes)");
            Assert.True(string.CompareOrdinal(ids[i - 1].ToString(), ids[i].ToString()) < 0, $"id {i} {ids[i]} is not after {ids[i - 1]} (text)");
            Assert.True(ids[i - 1].CompareTo(ids[i]) < 0, $"id {i} {ids[i]} is not after {ids[i - 1]} (Guid.CompareTo)");
        }
    }
}
