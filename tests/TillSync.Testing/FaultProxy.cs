// The network between a till and HQ as a hand-written fake at the process boundary: a TCP proxy on a loopback port that
// forwards (with added latency both ways), black-holes, refuses, resets, poses as a Wi-Fi sign-in page, forwards and
// then drops HQ's committed answer, cuts HQ's answer in the middle, or cuts the till's request in the middle.
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TillSync.Testing;

/// <summary>What the proxy does with a new connection.</summary>
public enum LinkMode
{
    /// <summary>Forward to HQ and back.</summary>
    Pass = 1,

    /// <summary>Accept and read, never answer: a dead route. Held connections close when the mode changes.</summary>
    Blackhole,

    /// <summary>Refuse connections (nothing listens on the port): HQ's host down.</summary>
    Refuse,

    /// <summary>Accept, then reset at once: a firewall or an overloaded load balancer.</summary>
    Reset,

    /// <summary>Answer every request with <c>200 OK</c> and a login page, as shop Wi-Fi that wants a sign-in does.</summary>
    CaptivePortal,
}

/// <summary>One request the proxy handled.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request target.</param>
/// <param name="StatusCode">HQ's status code; 0 when HQ could not be reached.</param>
/// <param name="ResponseBody">HQ's response body, de-chunked.</param>
/// <param name="Dropped">True when HQ answered but the till never got the answer.</param>
/// <param name="ResponseBytes">HQ's whole answer as it crossed the link, head and (compressed, chunked) body; 0 when cut.</param>
public sealed record ProxyExchange(string Method, string Path, int StatusCode, string ResponseBody, bool Dropped, int ResponseBytes = 0);

/// <summary>An HTTP/1.1-aware TCP proxy: one request per connection (it asks HQ to close after answering), so it knows
/// where each request and answer ends.</summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(90);

    private readonly int port;
    private readonly List<Task> acceptLoops = [];
    private TcpListener? listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, TcpClient> held = new();
    private readonly ConcurrentQueue<ProxyExchange> exchanges = new();
    private readonly Lock gate = new();
    private Uri upstream;
    private LinkMode mode = LinkMode.Pass;
    private int responsesToDrop;
    private int responsesToCut;
    private int requestsToCut;
    private TimeSpan latency;
    private string? dropPathPrefix;
    private string? cutPathPrefix;
    private long nextConnectionId;
    private int resetByMode;

    private FaultProxy(Uri upstream)
    {
        this.upstream = upstream;
        var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        port = ((IPEndPoint)first.LocalEndpoint).Port;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        Listen(first);
    }

    /// <summary>Where tills connect.</summary>
    public Uri Address { get; }

    /// <summary>HQ's current address; set it after HQ restarts on a new port.</summary>
    public Uri Upstream
    {
        get
        {
            lock (gate)
            {
                return upstream;
            }
        }
        set
        {
            lock (gate)
            {
                upstream = value;
            }
        }
    }

    /// <summary>The current mode.</summary>
    public LinkMode Mode
    {
        get
        {
            lock (gate)
            {
                return mode;
            }
        }
    }

    /// <summary>Every request handled so far, in completion order.</summary>
    public IReadOnlyList<ProxyExchange> Exchanges => [.. exchanges];

    /// <summary>Answers HQ gave that the till never received.</summary>
    public int DroppedCount => exchanges.Count(e => e.Dropped);

    /// <summary>Connections reset on arrival in <see cref="LinkMode.Reset"/>.</summary>
    public int ResetCount => Volatile.Read(ref resetByMode);

    /// <summary>Listens on a free loopback port and forwards to <paramref name="upstream"/>.</summary>
    public static FaultProxy Start(Uri upstream) => new(upstream);

    /// <summary>Switches the mode; leaving <see cref="LinkMode.Blackhole"/> closes the connections it held, as a route that
    /// comes back resets the connections that died with it.</summary>
    public void SetMode(LinkMode newMode)
    {
        lock (gate)
        {
            mode = newMode;
            if (newMode == LinkMode.Refuse && listener is not null)
            {
                listener.Stop();
                listener = null;
            }
            else if (newMode != LinkMode.Refuse && listener is null && !stopping.IsCancellationRequested)
            {
                // The same port again, so that tills configured with Address find it.
                var again = new TcpListener(IPAddress.Loopback, port);
                again.Start();
                Listen(again);
            }
        }

        if (newMode != LinkMode.Blackhole)
        {
            foreach (var (id, client) in held)
            {
                if (held.TryRemove(id, out _))
                {
                    Reset(client);
                }
            }
        }
    }

    /// <summary>Forwards the next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/>
    /// (null: a till's sync, of either contract), waits for HQ's whole answer, then closes the till's connection without
    /// sending it: HQ committed, the till cannot know.</summary>
    public void DropResponses(int count, string? pathPrefix = null)
    {
        lock (gate)
        {
            responsesToDrop = count;
            dropPathPrefix = pathPrefix;
        }
    }

    /// <summary>Delay added before a request reaches HQ and again before HQ's answer reaches the till.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (gate)
            {
                return latency;
            }
        }
        set
        {
            lock (gate)
            {
                latency = value;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> sync answers HQ gives (or answers to requests whose path starts with
    /// <paramref name="pathPrefix"/>) reach the till only in part: the first half of their bytes, then a reset — a link
    /// that dies while the answer is on the wire, after HQ committed.</summary>
    public void CutResponses(int count, string? pathPrefix = null)
    {
        lock (gate)
        {
            responsesToCut = count;
            cutPathPrefix = pathPrefix;
        }
    }

    /// <summary>The next <paramref name="count"/> sync requests reach HQ only in part: the head and half the body, then a
    /// reset on both sides — a link that dies while the till is still sending. HQ must store nothing of them.</summary>
    public void CutRequests(int count)
    {
        lock (gate)
        {
            requestsToCut = count;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        SetMode(LinkMode.Refuse);
        Task[] loops;
        lock (gate)
        {
            loops = [.. acceptLoops];
        }

        await Task.WhenAll(loops);
        stopping.Dispose();
    }

    // Called under gate.
    private void Listen(TcpListener started)
    {
        listener = started;
        acceptLoops.Add(AcceptLoopAsync(started));
    }

    private async Task AcceptLoopAsync(TcpListener from)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        switch (Mode)
        {
            case LinkMode.Refuse:
                Reset(client);
                return;
            case LinkMode.Reset:
                Reset(client);
                Interlocked.Increment(ref resetByMode);
                return;
            case LinkMode.Blackhole:
                await HoldAsync(client);
                return;
            case LinkMode.CaptivePortal:
                await AnswerLoginPageAsync(client);
                return;
            default:
                break;
        }

        using (client)
        {
            try
            {
                await ForwardAsync(client);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                // The till or HQ went away mid-exchange (a killed process): nothing to forward any more.
                Reset(client);
            }
        }
    }

    private async Task HoldAsync(TcpClient client)
    {
        var id = Interlocked.Increment(ref nextConnectionId);
        held[id] = client;
        if (Mode != LinkMode.Blackhole && held.TryRemove(id, out _))
        {
            // The link healed between accepting and holding: the connection dies with the old route.
            Reset(client);
            return;
        }

        var buffer = new byte[8192];
        try
        {
            // Read and discard until either side gives up; the till sees no answer at all.
            while (await client.GetStream().ReadAsync(buffer, stopping.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by SetMode, by the till's timeout, or by Dispose.
        }

        if (held.TryRemove(id, out _))
        {
            Reset(client);
        }
    }

    private async Task AnswerLoginPageAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(ExchangeTimeout);
                var stream = client.GetStream();
                var (head, remainder) = await HttpWire.ReadHeadAsync(stream, timeout.Token);
                var request = HttpWire.ParseHead(head);
                await HttpWire.ReadBodyAsync(stream, remainder, request.ContentLength, timeout.Token);
                const string page = "<html><body><h1>Welcome to Shop Wi-Fi</h1><a href=\"/login\">Sign in</a></body></html>";
                var answer = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {Encoding.UTF8.GetByteCount(page)}\r\nConnection: close\r\n\r\n{page}";
                await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), timeout.Token);
                exchanges.Enqueue(new ProxyExchange(request.Method, request.Path, 200, page, Dropped: false));
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                Reset(client);
            }
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(ExchangeTimeout);
        var clientStream = client.GetStream();
        var (head, remainder) = await HttpWire.ReadHeadAsync(clientStream, timeout.Token);
        var request = HttpWire.ParseHead(head);
        var body = await HttpWire.ReadBodyAsync(clientStream, remainder, request.ContentLength, timeout.Token);

        using var hq = new TcpClient();
        var target = Upstream;
        try
        {
            await hq.ConnectAsync(target.Host, target.Port, timeout.Token);
        }
        catch (SocketException)
        {
            exchanges.Enqueue(new ProxyExchange(request.Method, request.Path, 0, "", Dropped: false));
            Reset(client);
            return;
        }

        var isSync = IsSync(request.Path);
        var (delay, cutRequest) = TakeRequestFaults(isSync);
        await Task.Delay(delay, timeout.Token);
        var hqStream = hq.GetStream();
        await hqStream.WriteAsync(Encoding.ASCII.GetBytes(request.ForwardedHead), timeout.Token);
        if (cutRequest)
        {
            await hqStream.WriteAsync(body.AsMemory(0, body.Length / 2), timeout.Token);
            exchanges.Enqueue(new ProxyExchange(request.Method, request.Path, 0, "", Dropped: false));
            Reset(hq);
            Reset(client);
            return;
        }

        await hqStream.WriteAsync(body, timeout.Token);
        var answer = await HttpWire.ReadToEndAsync(hqStream, timeout.Token);

        var drop = false;
        var cut = false;
        lock (gate)
        {
            if (responsesToDrop > 0 && (dropPathPrefix is null ? isSync : request.Path.StartsWith(dropPathPrefix, StringComparison.Ordinal)))
            {
                responsesToDrop--;
                drop = true;
            }
            else if (responsesToCut > 0 && (cutPathPrefix is null ? isSync : request.Path.StartsWith(cutPathPrefix, StringComparison.Ordinal)))
            {
                responsesToCut--;
                cut = true;
            }
        }

        await Task.Delay(delay, timeout.Token);
        if (cut)
        {
            exchanges.Enqueue(new ProxyExchange(request.Method, request.Path, HttpWire.StatusOf(answer), HttpWire.BodyOf(answer), Dropped: true));
            await clientStream.WriteAsync(answer.AsMemory(0, answer.Length / 2), timeout.Token);
            Reset(client);
            return;
        }

        exchanges.Enqueue(new ProxyExchange(request.Method, request.Path, HttpWire.StatusOf(answer), HttpWire.BodyOf(answer), drop, answer.Length));
        if (drop)
        {
            client.Close();
            return;
        }

        await clientStream.WriteAsync(answer, timeout.Token);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>True for a till's sync request: <c>/api/v1/sync</c> (sales only) or <c>/api/v2/sync</c> (documents).</summary>
    public static bool IsSync(string path) => path is "/api/v1/sync" or "/api/v2/sync";

    private (TimeSpan Delay, bool CutRequest) TakeRequestFaults(bool isSync)
    {
        lock (gate)
        {
            var cut = isSync && requestsToCut > 0;
            if (cut)
            {
                requestsToCut--;
            }

            return (latency, cut);
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Close();
    }
}
