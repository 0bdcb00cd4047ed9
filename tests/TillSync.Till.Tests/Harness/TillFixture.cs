// One shop with a running till process shared by the tests of a class (IClassFixture): starting HQ and a till costs a
// few seconds, and tests that only sell can share them if they assert relative to the till's last sale.
using TillSync.Testing;

namespace TillSync.Till.Tests.Harness;

/// <summary>A <see cref="TillScenario"/> with its till process online.</summary>
public sealed class TillFixture : IAsyncLifetime
{
    private TillScenario? scenario;
    private TillProcess? till;

    /// <summary>HQ, the link and the enrolment.</summary>
    public TillScenario Scenario => scenario ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The till process.</summary>
    public TillProcess Till => till ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The till's local API.</summary>
    public TillApi Api => Till.Api;

    public async Task InitializeAsync()
    {
        scenario = await TillScenario.StartAsync();
        till = await scenario.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        // Tests that send raw requests to the till's API find the seeded cashier logged in, as the page would be.
        await till.Api.LogInSeededCashierAsync();
    }

    public async Task DisposeAsync()
    {
        if (scenario is not null)
        {
            await scenario.DisposeAsync();
        }
    }
}
