// Proves secrets need not pass on the command line and weak or insecure settings are refused with a readable message:
// HQ refuses a weak manager token, takes one from a file or the environment, serves HTTPS from a .pfx whose password is in
// a file, refuses an IRP URL without its whole sign-in, and a till takes its token from a file and refuses plain http://
// to another machine. Real tillsync processes.
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Verbs;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed class SecretOptionTests : IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("secrets");

    [Fact]
    public async Task Hq_IrpUrlWithoutItsWholeSignIn_RefusedNamingWhatIsMissing_NeverPrintingThePassword()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        string[] common = ["hq", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_files, "hq"), "--admin-token", token,
            "--irp-url", "http://127.0.0.1:5070", "--irp-client-id", "CLIENT", "--irp-user", "tillsync", "--irp-password-file", SecretFile("irp.password", "pw-never-printed")];

        var (noSecret, noSecretOutput) = await CliProcess.RunAsync(common);
        var (noKey, noKeyOutput) = await CliProcess.RunAsync([.. common, "--irp-client-secret-file", SecretFile("irp.secret", "secret-never-printed")]);

        Assert.Equal(2, noSecret);
        Assert.Contains("--irp-client-secret", noSecretOutput, StringComparison.Ordinal);
        Assert.Equal(2, noKey);
        Assert.Contains("--irp-public-key-file", noKeyOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", noSecretOutput + noKeyOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T")]
    [InlineData("bench-admin-token")]
    [InlineData("passwordpasswordpasswordpassword")]
    public async Task Hq_WeakAdminToken_RefusedBeforeAnythingIsCreated(string token)
    {
        var data = Path.Combine(_files, "hq");

        var (exit, output) = await CliProcess.RunAsync("hq", "--urls", "http://127.0.0.1:0", "--data", data, "--admin-token", token);

        Assert.Equal(2, exit);
        Assert.Contains("the manager token is too weak", output, StringComparison.Ordinal);
        Assert.Contains("openssl rand -hex 32", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "HQ created its data directory although it refused to start");
    }

    [Fact]
    public async Task Hq_AdminTokenFromFile_IsTheManagerToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var file = SecretFile("admin.token", token + "\n");

        using var hq = await StartHqAsync(["--admin-token-file", file], []);

        Assert.Equal(HttpStatusCode.OK, await TillsStatusAsync(hq.BaseAddress, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await TillsStatusAsync(hq.BaseAddress, token[..^1] + "x"));
    }

    [Fact]
    public async Task Hq_AdminTokenFileNamedInEnvironment_IsTheManagerToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var file = SecretFile("admin.token", token);

        using var hq = await StartHqAsync([], new() { ["TILLSYNC_ADMIN_TOKEN_FILE"] = file });

        Assert.Equal(HttpStatusCode.OK, await TillsStatusAsync(hq.BaseAddress, token));
    }

    [Fact]
    public async Task Hq_AdminTokenOnCommandLineAndInFile_Refused()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        var (exit, output) = await CliProcess.RunAsync("hq", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_files, "hq"),
            "--admin-token", token, "--admin-token-file", SecretFile("admin.token", token));

        Assert.Equal(2, exit);
        Assert.Contains("give --admin-token or --admin-token-file, not both", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hq_HttpsAddressWithoutCertificate_Refused()
    {
        var (exit, output) = await CliProcess.RunAsync("hq", "--urls", "https://127.0.0.1:0", "--data", Path.Combine(_files, "hq"));

        Assert.Equal(2, exit);
        Assert.Contains("HQ needs a certificate to serve HTTPS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hq_PfxWithPasswordInFile_ServesHttps()
    {
        await using var certificate = TestCertificate.Create();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var pfx = Path.Combine(_files, "hq.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Certificate.Export(X509ContentType.Pfx, password));

        using var hq = await StartHqAsync(
            ["--urls", "https://127.0.0.1:0", "--cert-file", pfx, "--cert-password-file", SecretFile("pfx.password", password)], []);
        using var http = new HttpClient(certificate.TrustingHandler()) { BaseAddress = hq.BaseAddress };

        Assert.Equal("https", hq.BaseAddress.Scheme);
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Till_PlainHttpHqOnAnotherMachine_RefusedUnlessAllowed()
    {
        var environment = new Dictionary<string, string> { ["TILLSYNC_TOKEN"] = "till_test" };
        string[] till = ["till", "--hq", "http://192.0.2.10:5080", "--data", Path.Combine(_files, "till"), "--urls", "http://127.0.0.1:0"];

        var (exit, output) = await CliProcess.RunAsync(environment, till);
        var output2 = new ServerOutput();
        using var allowed = await ServerProcess.StartAsync("till", [.. till[1..], "--allow-insecure-hq", "true"], environment, output2);

        Assert.Equal(2, exit);
        Assert.Contains("plain http:// on another machine", output, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-hq", output, StringComparison.Ordinal);
        Assert.True(allowed.IsRunning, output2.Tail(20));
        allowed.KillHard();
    }

    [Fact]
    public async Task Till_TokenFromFile_SyncsWithHq()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        var output = new ServerOutput();
        using var till = await ServerProcess.StartAsync("till",
            ["--hq", hq.BaseAddress.ToString(), "--token-file", SecretFile("till.token", enrolled.Token), "--data", Path.Combine(_files, "till"),
                "--urls", "http://127.0.0.1:0", "--sync-backoff-max", "2s"],
            new Dictionary<string, string>(), output);
        using var api = new TillApi(till.BaseAddress, new NamedOutput("till", output));

        var status = await api.WaitOnlineAsync();

        Assert.Equal(enrolled.BillPrefix, status.BillPrefix);
        till.KillHard();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_files);

    private string SecretFile(string name, string secret)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, secret);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private async Task<ServerProcess> StartHqAsync(string[] arguments, Dictionary<string, string> environment)
    {
        string[] listen = arguments.Contains("--urls") ? [] : ["--urls", "http://127.0.0.1:0"];
        return await ServerProcess.StartAsync("hq", [.. listen, "--data", Path.Combine(_files, "hq"), .. arguments], environment, new ServerOutput());
    }

    private static async Task<HttpStatusCode> TillsStatusAsync(Uri hq, string token)
    {
        using var http = new HttpClient { BaseAddress = hq };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri("/api/v1/tills", UriKind.Relative));
        return response.StatusCode;
    }

    private sealed class NamedOutput(string name, ServerOutput output) : IServerOutput
    {
        public string Name => name;

        public string Output(int lastLines = 80) => output.Tail(lastLines);
    }
}
