// One simulator process per test class: the classes run in parallel, each on its own process, so that one class's
// fault switches or clock never reach another's calls.
using TillSync.Testing;

namespace TillSync.Irp.Tests.Harness;

/// <summary>Starts a simulator for a test class and kills it afterwards.</summary>
public sealed class IrpFixture : IAsyncLifetime
{
    private IrpProcess? irp;

    /// <summary>The running simulator.</summary>
    public IrpProcess Irp => irp ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => irp = await IrpProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (irp is not null)
        {
            await irp.DisposeAsync();
        }
    }
}
