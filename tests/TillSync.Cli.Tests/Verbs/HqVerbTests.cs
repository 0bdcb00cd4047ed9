// Proves that `tillsync hq` explains every option in --help, names each option's TILLSYNC_* twin, and that the
// twin supplies the value when the option is absent while the command line still wins. Runs the real parser in-process.
using TillSync.Cli.Verbs;
using TillSync.Core.Staff;

namespace TillSync.Cli.Tests.Verbs;

[Collection("environment")] // these tests set process environment variables
public sealed class HqVerbTests
{
    [Fact]
    public async Task Help_ListsEveryOptionWithItsEnvironmentTwin()
    {
        var output = new StringWriter();
        var root = TillSyncCommand.Create(output);
        var parse = root.Parse(["hq", "--help"]);
        parse.InvocationConfiguration.Output = output;
        var exit = await parse.InvokeAsync();

        var help = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("--urls", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_URLS", help, StringComparison.Ordinal);
        Assert.Contains("--data", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_DATA", help, StringComparison.Ordinal);
        Assert.Contains("--admin-token", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_ADMIN_TOKEN", help, StringComparison.Ordinal);
        Assert.Contains("--admin-token-file", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_ADMIN_TOKEN_FILE", help, StringComparison.Ordinal);
        Assert.Contains("--cert-file", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_CERT_PASSWORD_FILE", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_TRUSTED_PROXIES", help, StringComparison.Ordinal);
        Assert.Contains("--allowed-hosts", help, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_ALLOWED_HOSTS", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedHostsNotAHostName_ExitsWithoutStarting()
    {
        var output = new StringWriter();
        var parse = TillSyncCommand.Create(output).Parse(["hq", "--urls", "http://127.0.0.1:0", "--data", Path.GetTempPath(), "--allowed-hosts", "hq.example.com/"]);
        parse.InvocationConfiguration.Output = output;

        Assert.Equal(2, await parse.InvokeAsync());
        Assert.DoesNotContain("listening", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("10000001")]
    [InlineData("fast")]
    public async Task PinIterationsOutOfRange_ExitsWithoutStarting(string iterations)
    {
        var (exit, output, error) = await InvokeHqAsync("--pin-iterations", iterations);

        Assert.Equal(2, exit);
        Assert.Contains($"--pin-iterations must be a whole number from 1000 to 10000000; got '{iterations}'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--session-hours", "0", "--session-hours must be a whole number of hours from 1 to 168; got '0'.")]
    [InlineData("--session-hours", "long", "--session-hours must be a whole number of hours from 1 to 168; got 'long'.")]
    [InlineData("--session-idle-minutes", "721", "--session-idle-minutes must be a whole number of minutes from 1 to 720 (--session-hours); got '721'.")]
    public async Task SessionOptionsOutOfRange_ExitWithoutStarting(string option, string value, string message)
    {
        var (exit, output, error) = await InvokeHqAsync(option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PinIterations_DefaultsToStaffPinsDefault()
    {
        Assert.Equal(StaffPin.IterationsDefault.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HqVerb.Create(TextWriter.Null).Parse([]).GetValue<string>("--pin-iterations"));
    }

    [Fact]
    public void Options_EnvironmentTwinSuppliesValue_CommandLineWins()
    {
        Environment.SetEnvironmentVariable("TILLSYNC_URLS", "http://127.0.0.1:6001");
        Environment.SetEnvironmentVariable("TILLSYNC_DATA", "/tmp/from-env");
        try
        {
            var hq = HqVerb.Create(TextWriter.Null);
            var fromEnv = hq.Parse([]);
            var fromArgs = hq.Parse(["--urls", "http://127.0.0.1:6002"]);

            Assert.Equal("http://127.0.0.1:6001", fromEnv.GetValue<string>("--urls"));
            Assert.Equal("/tmp/from-env", fromEnv.GetValue<string>("--data"));
            Assert.Equal("http://127.0.0.1:6002", fromArgs.GetValue<string>("--urls"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TILLSYNC_URLS", null);
            Environment.SetEnvironmentVariable("TILLSYNC_DATA", null);
        }
    }

    [Fact]
    public async Task Help_WithAdminTokenInEnvironment_NeverPrintsTheToken()
    {
        Environment.SetEnvironmentVariable("TILLSYNC_ADMIN_TOKEN", "do-not-print-me");
        try
        {
            var output = new StringWriter();
            var parse = TillSyncCommand.Create(output).Parse(["hq", "--help"]);
            parse.InvocationConfiguration.Output = output;
            await parse.InvokeAsync();

            Assert.Contains("TILLSYNC_ADMIN_TOKEN", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("do-not-print-me", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TILLSYNC_ADMIN_TOKEN", null);
        }
    }

    [Fact]
    public void Options_WithoutTwinOrArgument_UseDocumentedDefaults()
    {
        var hq = HqVerb.Create(TextWriter.Null);
        var parse = hq.Parse([]);

        Assert.Equal("http://127.0.0.1:5080", parse.GetValue<string>("--urls"));
        Assert.Equal("./hq-data", parse.GetValue<string>("--data"));
        Assert.Null(parse.GetValue<string?>("--admin-token"));
    }

    [Fact]
    public async Task UnknownVerb_ExitsNonZeroWithMessage()
    {
        var output = new StringWriter();
        var root = TillSyncCommand.Create(output);
        var parse = root.Parse(["frobnicate"]);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = output;

        var exit = await parse.InvokeAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", output.ToString(), StringComparison.Ordinal);
    }

    // Runs `tillsync hq` on a free loopback port with the extra options; answers its exit code, output and error output.
    private static async Task<(int Exit, string Output, string Error)> InvokeHqAsync(params string[] options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = TillSyncCommand.Create(output).Parse(["hq", "--urls", "http://127.0.0.1:0", "--data", Path.GetTempPath(), .. options]);
        parse.InvocationConfiguration.Output = output;
        var consoleError = Console.Error;
        Console.SetError(error);
        try
        {
            return (await parse.InvokeAsync(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(consoleError);
        }
    }
}
