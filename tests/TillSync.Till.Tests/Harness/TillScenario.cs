// The shop a till test runs in: a real HQ process set up with HqScenario's store and catalogue, one enrolled till, and
// the fault proxy between them, so that a test can cut, black-hole or restore the link and kill either side.
using TillSync.Contracts.Orders;
using TillSync.Testing;
using TillSync.Till.Storage;

namespace TillSync.Till.Tests.Harness;

/// <summary>HQ, the link and an enrolled till. Dispose stops every process it started and deletes their files.</summary>
public sealed class TillScenario : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> started = [];

    private TillScenario(HqProcess hq, FaultProxy link, TillClient till)
    {
        Hq = hq;
        Link = link;
        Till = till;
        Manager = new ManagerClient(hq);
        InProcessDataDir = TempDirectory.Create("till-in-process");
    }

    /// <summary>The HQ process.</summary>
    public HqProcess Hq { get; }

    /// <summary>The network between the till and HQ; tills are pointed at <see cref="FaultProxy.Address"/>.</summary>
    public FaultProxy Link { get; }

    /// <summary>The enrolled till: id, token, bill prefix.</summary>
    public TillClient Till { get; }

    /// <summary>HQ's manager API.</summary>
    public ManagerClient Manager { get; }

    /// <summary>The data dir of in-process tills of this scenario (kept across their restarts).</summary>
    public string InProcessDataDir { get; }

    /// <summary>Starts HQ (registering e-invoices with the IRP <paramref name="irp"/> when given), sets up the
    /// shop, enrols a till and opens the link in <see cref="LinkMode.Pass"/>.</summary>
    public static async Task<TillScenario> StartAsync(IrpAccess? irp = null)
    {
        var hq = await HqProcess.StartAsync(irp);
        try
        {
            await HqScenario.SetUpAsync(hq);
            var till = await HqScenario.EnrolTillAsync(hq);
            return new TillScenario(hq, FaultProxy.Start(hq.BaseAddress), till);
        }
        catch
        {
            await hq.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the till as a <c>tillsync till</c> process behind the link.</summary>
    public async Task<TillProcess> StartTillProcessAsync()
    {
        var till = await TillProcess.StartAsync(Link.Address, Till.Token);
        started.Add(till);
        return till;
    }

    /// <summary>Starts the till in-process on <see cref="InProcessDataDir"/> with <paramref name="time"/> as its clock.</summary>
    public async Task<InProcessTill> StartInProcessTillAsync(TimeProvider time) =>
        await InProcessTill.StartAsync(Link.Address, Till.Token, InProcessDataDir, time);

    /// <summary>Starts HQ again after <see cref="HqProcess.KillHard"/> and points the link at its new port.</summary>
    public async Task StartHqAgainAsync()
    {
        await Hq.StartAgainAsync();
        Link.Upstream = Hq.BaseAddress;
    }

    /// <summary>Every order HQ recorded for the till, in HQ's commit order.</summary>
    public Task<IReadOnlyList<OrderView>> HqOrdersAsync() => Manager.ListAllOrdersAsync(Till.TillId);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in started)
        {
            await process.DisposeAsync();
        }

        await Link.DisposeAsync();
        await Hq.DisposeAsync();
        new TillDatabase(InProcessDataDir).ClearPool();
        await TempDirectory.DeleteAsync(InProcessDataDir);
    }
}
