// Runs the real `tillsync irp` executable on a loopback port and a temp data dir, with --test-clock, so the tests
// exercise the same binary, HTTP stack, SQLite file and key file an operator runs, including a kill and restart.
using System.Globalization;
using TillSync.Core.EInvoicing;

namespace TillSync.Testing;

/// <summary>One simulator process. Dispose kills it and deletes its data dir.</summary>
public sealed class IrpProcess : IServerOutput, IAsyncDisposable
{
    private readonly ServerOutput output = new();
    private readonly string[] extraArguments;
    private ServerProcess? process;

    private IrpProcess(string dataDir, string[] extraArguments)
    {
        DataDir = dataDir;
        this.extraArguments = extraArguments;
    }

    /// <summary>The API user this simulator accepts, made up for it (its secret and password are random).</summary>
    public NicCredentials Credentials { get; } = IrpAccess.NewCredentials();

    /// <summary>The simulator's sign-in public key, written into its data dir at start.</summary>
    public string PublicKeyFile => Path.Combine(DataDir, "irp-auth-public.pem");

    /// <summary>How HQ reaches and signs in to this simulator.</summary>
    public IrpAccess Access => new(BaseAddress, Credentials, PublicKeyFile);

    /// <inheritdoc />
    public string Name => "IRP";

    /// <summary>The data dir with irp.db and the key; it survives <see cref="RestartAsync"/>.</summary>
    public string DataDir { get; }

    /// <summary>Where the current process listens; changes on restart.</summary>
    public Uri BaseAddress => process?.BaseAddress ?? throw new InvalidOperationException("The IRP simulator is not running.");

    /// <summary>Starts a simulator with a fresh data dir, the test clock and <paramref name="extraArguments"/>.</summary>
    public static async Task<IrpProcess> StartAsync(params string[] extraArguments)
    {
        var irp = new IrpProcess(TempDirectory.Reserve("irp"), extraArguments);
        try
        {
            await irp.LaunchAsync();
        }
        catch
        {
            await irp.DisposeAsync();
            throw;
        }

        return irp;
    }

    /// <summary>A client calling as <paramref name="gstin"/> (the <c>gstin</c> header), with the given timeout, signed in
    /// as <paramref name="credentials"/> (default <see cref="Credentials"/>) through NIC's encrypted flow.</summary>
    public IrpClient Client(string gstin, TimeSpan? timeout = null, NicCredentials? credentials = null) =>
        new(BaseAddress, gstin, timeout ?? Patience.Request, this, credentials ?? Credentials, PublicKeyFile);

    /// <summary>SIGKILL, then a new process on the same data dir.</summary>
    public async Task RestartAsync()
    {
        process?.KillHard();
        process?.Dispose();
        process = null;
        await LaunchAsync();
    }

    /// <inheritdoc />
    public string Output(int lastLines = 80) => output.Tail(lastLines);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        process?.KillHard();
        process?.Dispose();
        await TempDirectory.DeleteAsync(DataDir);
    }

    private async Task LaunchAsync()
    {
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0", "--data", DataDir, "--test-clock",
            "--seed", Random.Shared.Next().ToString(CultureInfo.InvariantCulture), .. extraArguments,
        ];
        output.Append($"[harness] IRP data in {DataDir}, arguments {string.Join(' ', arguments)}");
        // The API user goes through the environment twins, as an operator should pass secrets.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TILLSYNC_IRP_CLIENT_ID"] = Credentials.ClientId,
            ["TILLSYNC_IRP_CLIENT_SECRET"] = Credentials.ClientSecret,
            ["TILLSYNC_IRP_USER"] = Credentials.UserName,
            ["TILLSYNC_IRP_PASSWORD"] = Credentials.Password,
        };
        process = await ServerProcess.StartAsync("irp", arguments, environment, output);
    }
}
