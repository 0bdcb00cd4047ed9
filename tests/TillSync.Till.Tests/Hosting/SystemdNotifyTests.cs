// Proves the till speaks systemd's notify protocol, which the unit's Type=notify relies on (systemd fails a start that
// never reports): started as .NET recognises a systemd service (PID 1 of its namespace, NOTIFY_SOCKET set), it reports
// READY=1 once it listens.
using System.Net.Sockets;
using System.Text;
using TillSync.Testing;

namespace TillSync.Till.Tests.Hosting;

public sealed class SystemdNotifyTests
{
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Till_StartedAsASystemdService_ReportsReadyOnceItListens()
    {
        Assert.True(Environment.UserName == "root", "a PID namespace (unshare --pid) needs root; CI runs as root");
        var directory = TempDirectory.Create("systemd-notify");
        var socketPath = Path.Combine(directory, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var underTest = TillSyncExecutable.UnderTest();
        // .NET's systemd integration takes PID 1 with NOTIFY_SOCKET for a service (as in a container run by systemd).
        var underSystemd = underTest with
        {
            FileName = "/usr/bin/unshare",
            LeadingArguments = ["--pid", "--fork", "--kill-child", underTest.FileName, .. underTest.LeadingArguments],
        };
        var output = new ServerOutput();
        using var till = await ServerProcess.StartAsync("till",
            ["--hq", "http://127.0.0.1:9", "--data", Path.Combine(directory, "data"), "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TILLSYNC_TOKEN"] = "not-enrolled", ["NOTIFY_SOCKET"] = socketPath },
            output, underSystemd);

        try
        {
            // The harness saw "till: listening on"; systemd hears of it only through the socket.
            Assert.Equal("READY=1", await ReceiveAsync(socket, output));
            // journald's priority prefixes, not ANSI colours. The logger writes from its own queue and the harness reads
            // the process's output as it comes, so READY=1 can arrive before the first logged line does: wait for it.
            await Eventually.UntilAsync(() => Task.FromResult(output.Tail(200)), tail => tail.Contains("<6>", StringComparison.Ordinal),
                NotifyTimeout, "a logged line with journald's priority prefix <6>");
        }
        finally
        {
            till.KillHard();
            await TempDirectory.DeleteAsync(directory);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, ServerOutput output)
    {
        var buffer = new byte[256];
        using var deadline = new CancellationTokenSource(NotifyTimeout);
        try
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            return Encoding.UTF8.GetString(buffer, 0, length).Trim();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no notification within {NotifyTimeout}:\n{output.Tail(40)}");
        }
    }
}
