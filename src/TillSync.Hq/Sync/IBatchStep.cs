namespace TillSync.Hq.Sync;

/// <summary>One feature's part of a sync batch: it may read what the batch's documents depend on once, before they are
/// decided (<see cref="LoadAsync"/>), collects its rows while the kinds decide, and writes them in its
/// <see cref="Stage"/> of the batch's one transaction (<see cref="WriteAsync"/>). The coordinator knows only the
/// stages' order, never a step's insides (docs/architecture.md).</summary>
public interface IBatchStep
{
    /// <summary>When the step writes.</summary>
    WriteStage Stage { get; }

    /// <summary>Reads what the batch's new documents depend on; called once, before any document is decided.</summary>
    Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken);

    /// <summary>Writes the step's rows in the batch's transaction.</summary>
    Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken);
}

/// <summary>The order in which a batch writes (ADR 0002): first what no other till's batch touches, then the store's
/// shared on-hand rows — locked on PostgreSQL, in one global order, so they are held only for that step, what follows it
/// and the commit — then what needs the stock step's outcome, and last the store's running totals of the day.</summary>
public enum WriteStage
{
    /// <summary>Rows no other till's batch touches: documents, lines, outbox rows, loyalty movements.</summary>
    Unshared = 1,

    /// <summary>The store's on-hand, shared by every till of the store, and the stock movements written under its locks.</summary>
    SharedStock,

    /// <summary>What follows from the stock step: review items (with the competing sales of a shortfall) and the feed.</summary>
    AfterStock,

    /// <summary>The journal and the per-day balances every till of the store adds to (locked on PostgreSQL, in one order,
    /// from here to the commit): last, so that they are held the shortest time and after the stock rows, the order every
    /// manager write locks them in too (ADR 0009).</summary>
    Totals,
}
