namespace TillSync.Simulation.Runs;

/// <summary>The simulation's future: events ordered by simulated time, ties broken by the order they were scheduled, so
/// that one seed always replays the same sequence. Nothing runs concurrently; each event runs to completion.</summary>
public sealed class Timeline
{
    private readonly PriorityQueue<SimEvent, (long Ticks, long Order)> _events = new();
    private long _scheduled;

    /// <summary>Events waiting.</summary>
    public int Count => _events.Count;

    /// <summary>Schedules <paramref name="run"/> at <paramref name="at"/>.</summary>
    public void Schedule(DateTimeOffset at, SimEventKind kind, Func<Task> run) =>
        _events.Enqueue(new SimEvent(at, kind, run), (at.UtcTicks, _scheduled++));

    /// <summary>The next event, or null when none is left.</summary>
    public SimEvent? Next() => _events.TryDequeue(out var next, out _) ? next : null;
}
