// A till hosted inside the test process with TillApplication.StartAsync and an injected clock, for what a child process
// cannot give: a FakeTimeProvider that puts the till days in the past or ahead and drives the sync agent's waits.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TillSync.Testing;
using TillSync.Till.Web;

namespace TillSync.Till.Tests.Harness;

/// <summary>A running in-process till; dispose stops it and leaves its data dir to the caller.</summary>
public sealed class InProcessTill : IServerOutput, IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServerOutput output = new();

    private InProcessTill(WebApplication app, Uri address)
    {
        this.app = app;
        Api = new TillApi(address, this);
        // The till logs to the console; a copy of everything after start-up goes to this till's output for failures.
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new OutputLoggerProvider(output));
    }

    /// <inheritdoc />
    public string Name => "in-process till";

    /// <summary>A client of its local API.</summary>
    public TillApi Api { get; }

    /// <summary>The till's own services (outbox, database), for checks the API does not expose.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts a till on <paramref name="dataDir"/> that talks to <paramref name="hqUrl"/> and reads
    /// <paramref name="time"/>.</summary>
    public static async Task<InProcessTill> StartAsync(Uri hqUrl, string token, string dataDir, TimeProvider time)
    {
        var options = new TillOptions(hqUrl, token, dataDir, "http://127.0.0.1:0", TillProcess.SyncBackoffMax);
        var (app, addresses) = await TillApplication.StartAsync(options, time, CancellationToken.None);
        return new InProcessTill(app, new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal))));
    }

    /// <summary>A service of the till.</summary>
    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    /// <inheritdoc />
    public string Output(int lastLines = 80) => output.Tail(lastLines);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}

/// <summary>Copies log lines of Information and above into a <see cref="ServerOutput"/>.</summary>
internal sealed class OutputLoggerProvider(ServerOutput output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName);

    public void Dispose()
    {
    }

    private sealed class OutputLogger(ServerOutput output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && !category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                output.Append($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
        }
    }
}
