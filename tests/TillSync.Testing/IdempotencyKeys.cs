// Every client TillSync ships sends an Idempotency-Key with each manager write (one key per operation); the tests'
// HTTP clients do the same, so that a test reads as the operation it makes rather than as header plumbing.
using TillSync.Contracts.Idempotency;

namespace TillSync.Testing;

/// <summary>Adds a new <c>Idempotency-Key</c> to each POST and PUT that carries none. A test that sends its own key keeps
/// it; a test that must send none sets <see cref="Omit"/> on the request.</summary>
public sealed class IdempotencyKeys : DelegatingHandler
{
    /// <summary>Set on a request to send it without a key.</summary>
    public static readonly HttpRequestOptionsKey<bool> Omit = new("tillsync.tests.omit-idempotency-key");

    /// <summary>A handler over a new connection pool.</summary>
    public IdempotencyKeys()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>A handler over <paramref name="inner"/>.</summary>
    public IdempotencyKeys(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isWrite = request.Method == HttpMethod.Post || request.Method == HttpMethod.Put;
        var omitted = request.Options.TryGetValue(Omit, out var omit) && omit;
        if (isWrite && !omitted && !request.Headers.Contains(IdempotencyKey.HeaderName))
        {
            request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(IdempotencyKey.New()));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
