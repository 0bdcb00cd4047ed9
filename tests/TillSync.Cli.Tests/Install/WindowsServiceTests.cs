// Proves the Windows service commands install-service runs: sc.exe registers the quoted executable under the name the
// till answers the service control manager with, its virtual account, delayed start and restarts; relative paths refused.
using TillSync.Cli.Install;
using TillSync.Till.Hosting;

namespace TillSync.Cli.Tests.Install;

public sealed class WindowsServiceTests
{
    private static readonly TillService Service = new(
        [@"C:\Program Files\TillSync\tillsync.exe"], new Uri("https://hq.example.in"), @"C:\ProgramData\TillSync\till",
        "http://127.0.0.1:5090", @"C:\ProgramData\TillSync\till.token");

    [Fact]
    public void Commands_RegisterTheQuotedExecutableUnderTheServiceName_WithDelayedStartAndRestarts()
    {
        var (commands, problem) = WindowsService.Commands(Service);

        Assert.Null(problem);
        var create = commands[0];
        Assert.Equal(["sc.exe", "create", ServiceHosting.WindowsServiceName, "binPath="], create.Take(4));
        Assert.Equal("\"C:\\Program Files\\TillSync\\tillsync.exe\" till --hq https://hq.example.in/ --data C:\\ProgramData\\TillSync\\till "
            + "--urls http://127.0.0.1:5090 --token-file C:\\ProgramData\\TillSync\\till.token", create[4]);
        Assert.Equal(["start=", "delayed-auto", "obj=", @"NT SERVICE\TillSyncTill"], create.Skip(5).Take(4));
        Assert.Contains(commands, c => c.SequenceEqual(["sc.exe", "failure", "TillSyncTill", "reset=", "86400", "actions=", "restart/5000/restart/5000/restart/30000"]));
        Assert.Contains(commands, c => c.SequenceEqual(["icacls.exe", @"C:\ProgramData\TillSync\till.token", "/grant", @"NT SERVICE\TillSyncTill:R"]));
        Assert.Equal(["sc.exe", "start", "TillSyncTill"], commands[^1]);
    }

    [Fact]
    public void Render_QuotesAsWindowsParsesArguments()
    {
        Assert.Equal("sc.exe create X binPath= \"\\\"C:\\A B\\t.exe\\\" till\"",
            WindowsService.Render(["sc.exe", "create", "X", "binPath=", "\"C:\\A B\\t.exe\" till"]));
    }

    [Fact]
    public void Commands_WithAMirror_PassItToTheTillAndGiveTheAccountIt()
    {
        var (commands, problem) = WindowsService.Commands(Service with { MirrorDirectory = @"E:\TillMirror" });

        Assert.Null(problem);
        Assert.EndsWith(@"--urls http://127.0.0.1:5090 --mirror E:\TillMirror --token-file C:\ProgramData\TillSync\till.token", commands[0][4], StringComparison.Ordinal);
        Assert.Contains(commands, c => c.SequenceEqual(["cmd.exe", "/c", "if", "not", "exist", @"E:\TillMirror", "mkdir", @"E:\TillMirror"]));
        Assert.Contains(commands, c => c.SequenceEqual(["icacls.exe", @"E:\TillMirror", "/grant", @"NT SERVICE\TillSyncTill:(OI)(CI)M"]));
    }

    [Theory]
    [InlineData(@"TillMirror", "--mirror must be an absolute Windows path")]
    [InlineData(@"c:\programdata\tillsync\TILL\", "a directory of its own")]
    [InlineData(@"C:\ProgramData\TillSync", "a directory of its own")]
    public void Commands_RefuseAMirrorThatIsNotADirectoryOfItsOwn(string mirror, string expected)
    {
        var (commands, problem) = WindowsService.Commands(Service with { MirrorDirectory = mirror });

        Assert.Empty(commands);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"till-data", @"C:\t.token", "--data must be an absolute Windows path")]
    [InlineData(@"C:\ProgramData\TillSync\till", @"t.token", "--token-file must be an absolute Windows path")]
    public void Commands_RefuseRelativePaths(string data, string tokenFile, string expected)
    {
        var (commands, problem) = WindowsService.Commands(Service with { DataDirectory = data, TokenFile = tokenFile });

        Assert.Empty(commands);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
