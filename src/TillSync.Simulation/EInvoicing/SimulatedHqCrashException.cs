namespace TillSync.Simulation.EInvoicing;

/// <summary>Thrown out of HQ's call to the portal when the <see cref="PortalLine"/> decides HQ dies before reading the
/// answer (<see cref="PortalFate.HqCrash"/>). No HTTP client catches it, so it leaves the registrar at once, as a dead
/// process would, with nothing written after the call; the e-invoice desk then crashes HQ.</summary>
public sealed class SimulatedHqCrashException : Exception
{
    /// <summary>A crash with the default message.</summary>
    public SimulatedHqCrashException()
        : base("simulated: HQ died before reading the portal's answer")
    {
    }

    /// <summary>A crash with <paramref name="message"/>.</summary>
    public SimulatedHqCrashException(string message)
        : base(message)
    {
    }

    /// <summary>A crash with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public SimulatedHqCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
