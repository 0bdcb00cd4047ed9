using System.Diagnostics;
using System.Globalization;
using TillSync.Testing;

namespace TillSync.Bench;

/// <summary>Two tills of one store, each a real <c>tillsync till</c> process in a network namespace of its own, joined by
/// veth pairs to one bridge on a private subnet (<see cref="Subnet"/>): the store LAN is a real (virtual) network, not
/// loopback. Both first reach HQ from the machine's own namespace (each registers its key and takes a snapshot that names
/// the other's), then start again in their namespaces, where HQ's loopback address is their own and nothing listens: HQ is
/// unreachable, as with the WAN down. The bench (in the machine's namespace) reaches each till's cashier API over the
/// bridge. The namespaces, veths and bridge are removed when it is disposed, even after a failure, and any left over by a
/// bench that was killed are removed before it starts. Needs root (<c>ip netns add</c>).</summary>
internal sealed class NamespacedStoreLan : IAsyncDisposable
{
    /// <summary>The private subnet of the bench's LAN: the bridge is .1, till A .2, till B .3.</summary>
    public const string Subnet = "10.231.77";

    private const string Bridge = "tslanbr0";
    private const int PeerPort = 5190;
    private static readonly string[] Namespaces = ["tslan-a", "tslan-b"];

    private readonly List<IAsyncDisposable> _started = [];
    private readonly List<ServerProcess> _tills = [];
    private readonly ServerOutput _output = new();
    private TillApi? _apiA;

    private NamespacedStoreLan(HqProcess hq) => Hq = hq;

    public HqProcess Hq { get; }

    public TillClient TillA { get; private set; } = null!;

    /// <summary>Till A's cashier API (sell here).</summary>
    public TillApi A => _apiA ?? throw new InvalidOperationException("Till A has not started.");

    /// <summary>Till B's cashier API, over the bridge.</summary>
    public Uri B { get; private set; } = null!;

    public static async Task<NamespacedStoreLan> StartAsync()
    {
        RemoveNetwork();
        var lan = new NamespacedStoreLan(await HqProcess.StartAsync());
        try
        {
            lan._started.Add(lan.Hq);
            await HqScenario.SetUpAsync(lan.Hq);
            lan.TillA = await HqScenario.EnrolTillAsync(lan.Hq);
            var tillB = await HqScenario.EnrolTillAsync(lan.Hq);
            // On the machine's own namespace, HQ reachable: each till registers its key; A starts again after B did, so
            // that both snapshots name both keys.
            var a = await TillProcess.StartAsync(lan.Hq.BaseAddress, lan.TillA.Token);
            lan._started.Add(a);
            await a.Api.WaitOnlineAsync();
            var b = await TillProcess.StartAsync(lan.Hq.BaseAddress, tillB.Token);
            lan._started.Add(b);
            await b.Api.WaitOnlineAsync();
            await a.RestartAsync();
            await a.Api.WaitOnlineAsync();
            a.KillHard();
            b.KillHard();

            AddNetwork();
            var apiA = await lan.StartInNamespaceAsync(0, a, lan.TillA.Token);
            lan.B = await lan.StartInNamespaceAsync(1, b, tillB.Token);
            lan._apiA = new TillApi(apiA, new OutputOf(lan._output));
            using var apiB = new TillApi(lan.B, new OutputOf(lan._output));
            // Each till is in a namespace of its own, and from there HQ does not answer.
            var own = NetworkNamespace(Environment.ProcessId);
            var inside = lan._tills.Select(t => NetworkNamespace(t.Id)).ToList();
            Invariant(inside.Distinct().Count() == 2 && !inside.Contains(own), $"the tills' network namespaces ({string.Join(", ", inside)}) are not two of their own apart from the bench's ({own})");
            foreach (var api in new[] { lan.A, apiB })
            {
                await Eventually.UntilAsync(api.StatusAsync, s => !s.Online && s.OfflineSince is not null, Patience.Exchanges, "a till in its namespace finds HQ unreachable");
            }

            return lan;
        }
        catch
        {
            await lan.DisposeAsync();
            throw;
        }
    }

    /// <summary>The address of till <paramref name="index"/> (0 for A) on the bench's LAN.</summary>
    public static string AddressOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{Subnet}.{index + 2}");

    public async ValueTask DisposeAsync()
    {
        foreach (var till in _tills)
        {
            till.Dispose();
        }

        _apiA?.Dispose();
        RemoveNetwork();
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
    }

    // Starts the till over its data dir inside its namespace: its cashier API and peer listener on its LAN address, its
    // peer the other till; the HQ address it was enrolled with is, in there, its own loopback, where nothing listens.
    private async Task<Uri> StartInNamespaceAsync(int index, TillProcess till, string token)
    {
        var address = AddressOf(index);
        var underTest = TillSyncExecutable.UnderTest();
        var executable = new TillSyncExecutable("ip", ["netns", "exec", Namespaces[index], underTest.FileName, .. underTest.LeadingArguments], null);
        var process = await ServerProcess.StartAsync("till",
            [
                "--hq", till.HqUrl.ToString(), "--data", till.DataDir, "--urls", $"http://{address}:0", "--allow-lan", "--allowed-hosts", address,
                "--sync-backoff-max", string.Create(CultureInfo.InvariantCulture, $"{TillProcess.SyncBackoffMax.TotalSeconds}s"),
                "--peer-urls", string.Create(CultureInfo.InvariantCulture, $"http://{address}:{PeerPort}"),
                "--peers", string.Create(CultureInfo.InvariantCulture, $"http://{AddressOf(1 - index)}:{PeerPort}/"),
            ],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TILLSYNC_TOKEN"] = token }, _output, executable);
        _tills.Add(process);
        return process.BaseAddress;
    }

    private static string NetworkNamespace(int processId) =>
        new FileInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/ns/net")).LinkTarget ?? "unknown";

    private static void Invariant(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException(what);
        }
    }

    // A bridge with the bench's address, and per till a namespace joined to it by a veth pair.
    private static void AddNetwork()
    {
        Ip("link", "add", Bridge, "type", "bridge");
        Ip("addr", "add", $"{Subnet}.1/24", "dev", Bridge);
        Ip("link", "set", Bridge, "up");
        for (var i = 0; i < Namespaces.Length; i++)
        {
            var (ns, outside, inside) = (Namespaces[i], $"{Namespaces[i]}-br", $"{Namespaces[i]}-in");
            Ip("netns", "add", ns);
            Ip("link", "add", outside, "type", "veth", "peer", "name", inside);
            Ip("link", "set", inside, "netns", ns);
            Ip("link", "set", outside, "master", Bridge);
            Ip("link", "set", outside, "up");
            Ip("-n", ns, "addr", "add", $"{AddressOf(i)}/24", "dev", inside);
            Ip("-n", ns, "link", "set", inside, "up");
            Ip("-n", ns, "link", "set", "lo", "up");
        }
    }

    // Deleting a namespace deletes the veth end inside it, and with it its peer on the bridge.
    private static void RemoveNetwork()
    {
        foreach (var ns in Namespaces)
        {
            Ip(false, "netns", "del", ns);
            Ip(false, "link", "del", $"{ns}-br");
        }

        Ip(false, "link", "del", Bridge);
    }

    private static void Ip(params string[] arguments) => Ip(true, arguments);

    private static void Ip(bool mustSucceed, params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var ip = Process.Start(start)!;
        var error = ip.StandardError.ReadToEnd();
        ip.StandardOutput.ReadToEnd();
        ip.WaitForExit();
        if (mustSucceed && ip.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({ip.ExitCode}): {error.Trim()}");
        }
    }

    // The tills' output, for a failing call's message.
    private sealed class OutputOf(ServerOutput output) : IServerOutput
    {
        public string Name => "tills in namespaces";

        public string Output(int lastLines = 80) => output.Tail(lastLines);
    }
}
