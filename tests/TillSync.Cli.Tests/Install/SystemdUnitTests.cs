// Proves the systemd unit install-service writes: notify type, restart always, start at boot, the token as a credential,
// arguments quoted and % and $ escaped as systemd reads them, data or token paths systemd cannot honour refused, and a
// mirror as a second state directory of the service's own user.
using TillSync.Cli.Install;

namespace TillSync.Cli.Tests.Install;

public sealed class SystemdUnitTests
{
    private static readonly TillService Service = new(
        ["/opt/till sync/tillsync"], new Uri("https://hq.example.in"), "/var/lib/tillsync-till", "http://127.0.0.1:5090", "/etc/tillsync/till.token");

    [Fact]
    public void Render_StartsAtBootRestartsAlways_AndReadsTheTokenAsACredential()
    {
        var (unit, problem) = SystemdUnit.Render(Service, "9.9.9");

        Assert.Null(problem);
        var lines = unit!.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Type=notify", lines);
        Assert.Contains("Restart=always", lines);
        Assert.Contains("WantedBy=multi-user.target", lines);
        Assert.Contains("StateDirectory=tillsync-till", lines);
        Assert.Contains("LoadCredential=till-token:/etc/tillsync/till.token", lines);
        Assert.Contains("ExecStart=\"/opt/till sync/tillsync\" till --hq https://hq.example.in/ --data /var/lib/tillsync-till --urls http://127.0.0.1:5090 --token-file %d/till-token", lines);
    }

    [Fact]
    public void Render_EscapesSpecifiersAndVariablesInPaths()
    {
        var (unit, _) = SystemdUnit.Render(Service with { Command = ["/opt/100%/$HOME/tillsync"] }, "9.9.9");

        Assert.Contains("ExecStart=/opt/100%%/$$HOME/tillsync till", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithAMirror_PassesItToTheTillAsASecondStateDirectory()
    {
        var (unit, problem) = SystemdUnit.Render(Service with { MirrorDirectory = "/var/lib/tillsync-mirror" }, "9.9.9");

        Assert.Null(problem);
        var lines = unit!.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("StateDirectory=tillsync-till tillsync-mirror", lines);
        Assert.Contains("ExecStart=\"/opt/till sync/tillsync\" till --hq https://hq.example.in/ --data /var/lib/tillsync-till --urls http://127.0.0.1:5090 "
            + "--mirror /var/lib/tillsync-mirror --token-file %d/till-token", lines);
    }

    [Theory]
    [InlineData("/media/usb/till", "below /var/lib/ too")]
    [InlineData("/var/lib/till mirror", "below /var/lib/ too, with no spaces")]
    [InlineData("/var/lib/tillsync-till", "a directory of its own")]
    [InlineData("/var/lib/tillsync-till/mirror", "a directory of its own")]
    [InlineData("/var/lib/", "below /var/lib/ too")]
    public void Render_RefusesAMirrorSystemdCannotGiveTheService(string mirror, string expected)
    {
        var (unit, problem) = SystemdUnit.Render(Service with { MirrorDirectory = mirror }, "9.9.9");

        Assert.Null(unit);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/srv/till", "/etc/tillsync/till.token", "below /var/lib/")]
    [InlineData("/var/lib/", "/etc/tillsync/till.token", "below /var/lib/")]
    [InlineData("/var/lib/../etc", "/etc/tillsync/till.token", "below /var/lib/")]
    [InlineData("/var/lib/tillsync-till", "till.token", "--token-file must be an absolute path")]
    public void Render_RefusesPathsSystemdCannotHonour(string data, string tokenFile, string expected)
    {
        var (unit, problem) = SystemdUnit.Render(Service with { DataDirectory = data, TokenFile = tokenFile }, "9.9.9");

        Assert.Null(unit);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
