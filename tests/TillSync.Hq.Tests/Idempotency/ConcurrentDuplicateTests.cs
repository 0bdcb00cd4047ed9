// Proves that a write sent many times at once with one Idempotency-Key, to two HQ processes on one database, is applied
// once: the database's unique key decides, the others wait for the winner and replay its answer.
using TillSync.Contracts.Idempotency;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Idempotency;

public sealed class ConcurrentDuplicateTests(ITestOutputHelper log)
{
    private const int Copies = 8;

    [Theory]
    [InlineData("stock receipt")]
    [InlineData("till enrolment")]
    public async Task Write_SentConcurrentlyToTwoInstancesWithOneKey_AppliedOnceAndEveryCopyGetsTheSameAnswer(string name)
    {
        await using var first = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(first);
        await using var second = await HqProcess.StartSiblingAsync(first);
        var write = ManagerWrite.All[name](7);
        var key = IdempotencyKey.New();
        var before = await ManagerFootprint.CaptureAsync(first);

        var responses = await Task.WhenAll(Enumerable.Range(0, Copies)
            .Select(i => write.SendAsync((i % 2 == 0 ? first : second).BaseAddress, first.AdminToken, key)));

        log.WriteLine($"store {TestStore.Name}: {string.Join(", ", responses.Select(r => $"{(int)r.StatusCode}{(r.Headers.Contains(IdempotencyKey.ReplayedHeaderName) ? " replayed" : "")}"))}");
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.Equal(write.Success, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(Copies - 1, responses.Count(r => r.Headers.Contains(IdempotencyKey.ReplayedHeaderName)));
        var after = await ManagerFootprint.CaptureAsync(second);
        Assert.Equal([write.AuditAction], after.ActionsSince(before));
        Assert.Equal(before.JournalEntries + write.JournalEntries, after.JournalEntries);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
