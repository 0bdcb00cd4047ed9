// Runs one verb of the real `tillsync` executable (`hq` or `till`) through the shared harness and remembers how it was
// started, so that a browser test can kill it with SIGKILL and bring it back on the same port and data dir.
using Shared = TillSync.Testing.ServerProcess;
using SharedOutput = TillSync.Testing.ServerOutput;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One <c>tillsync VERB …</c> child process that can restart with the same arguments. Dispose kills it; the
/// caller owns its data dir.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly SharedOutput output = new();
    private readonly string verb;
    private readonly IReadOnlyList<string> arguments;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Shared? process;

    private ServerProcess(string verb, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        this.verb = verb;
        this.arguments = arguments;
        this.environment = environment;
    }

    /// <summary>Where the current process listens.</summary>
    public Uri BaseAddress => process?.BaseAddress ?? throw new InvalidOperationException($"{verb} is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { IsRunning: true };

    /// <summary>Starts <c>tillsync VERB ARGUMENTS…</c> with <paramref name="secrets"/> as its environment (tokens go there, never
    /// on the command line where a process listing shows them) and waits until it prints where it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string verb, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> secrets)
    {
        var server = new ServerProcess(verb, arguments, secrets);
        server.process = await Shared.StartAsync(verb, arguments, secrets, server.output);
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; what a power cut or a pulled cable looks like from outside.</summary>
    public void KillHard() => process?.KillHard();

    /// <summary>Kills the process if it still runs and starts it again with the same arguments (so the same port).</summary>
    public async Task RestartAsync()
    {
        KillHard();
        process?.Dispose();
        process = null;
        process = await Shared.StartAsync(verb, arguments, environment, output);
    }

    /// <summary>The last lines it printed, across restarts, for failure messages.</summary>
    public string Output(int lastLines = 80) => output.Tail(lastLines);

    /// <inheritdoc />
    public void Dispose()
    {
        KillHard();
        process?.Dispose();
    }
}
