namespace TillSync.Simulation.Network;

/// <summary>The till's end of the simulated network: the <see cref="HttpMessageHandler"/> under the till's real
/// <c>HqClient</c>, so every request the till makes goes through <see cref="SimulatedNetwork"/>.</summary>
public sealed class TillLink(SimulatedNetwork network, int tillNumber) : HttpMessageHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        network.SendAsync(tillNumber, request, cancellationToken);
}
