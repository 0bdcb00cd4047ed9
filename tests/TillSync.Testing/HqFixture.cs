// One configured HQ process shared by the tests of a class (IClassFixture): starting the real executable costs
// about a second, and tests that each enrol their own till cannot see each other's orders or sequence numbers.
namespace TillSync.Testing;

/// <summary>A running HQ with the scenario's store, catalogue and opening stock.</summary>
public sealed class HqFixture : IAsyncLifetime
{
    private HqProcess? hq;

    public HqProcess Hq => hq ?? throw new InvalidOperationException("The fixture has not started.");

    public ManagerClient Manager => new(Hq);

    public async Task InitializeAsync()
    {
        hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
    }

    public async Task DisposeAsync()
    {
        if (hq is not null)
        {
            await hq.DisposeAsync();
        }
    }

    /// <summary>A new till of the default store with its own token and sequence.</summary>
    public Task<TillClient> EnrolTillAsync(string? name = null, SyncVersion version = SyncVersion.V1) => HqScenario.EnrolTillAsync(Hq, name, version);
}
