using System.Data.Common;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Sync;

/// <summary>One sync batch's transaction as the kinds and features see it: the connection, the till (its row locked),
/// the commit time, the engine, and the batch's feature steps, which a kind or a feature finds by type
/// (<see cref="Step{T}"/>). Flags a step adds to a document after it was decided (<see cref="AddFlag"/>) reach the
/// ledger, the kind's rows and the answer.</summary>
public sealed class SyncBatch
{
    private readonly Dictionary<Type, IBatchStep> _steps = [];
    private readonly List<IBatchStep> _ordered = [];
    private readonly Dictionary<Guid, List<string>> _addedFlags = [];

    /// <summary>A batch with a fresh instance of every registered step of <paramref name="spine"/>.</summary>
    public SyncBatch(DbConnection connection, DbTransaction transaction, TillState till, DateTimeOffset now, DatabaseEngine engine, SyncSpine spine)
    {
        Connection = connection;
        Transaction = transaction;
        Till = till;
        Now = now;
        Engine = engine;
        foreach (var (type, create) in spine.Steps)
        {
            var step = create(this);
            _steps.Add(type, step);
            _ordered.Add(step);
        }
    }

    /// <summary>The connection of the batch's transaction.</summary>
    public DbConnection Connection { get; }

    /// <summary>The batch's transaction; it holds the till's row.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>The till and its store.</summary>
    public TillState Till { get; }

    /// <summary>The batch's commit time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The database engine's rules.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>The registered steps, in registration order.</summary>
    public IReadOnlyList<IBatchStep> Steps => _ordered;

    /// <summary>The batch's step of type <typeparamref name="T"/>; it must be registered.</summary>
    public T Step<T>() where T : IBatchStep =>
        _steps.TryGetValue(typeof(T), out var step)
            ? (T)step
            : throw new InvalidOperationException($"No batch step {typeof(T).Name} is registered with the sync spine.");

    /// <summary>Adds <paramref name="flag"/> to a document decided in this batch (once), ahead of the flags it was decided with.</summary>
    public void AddFlag(Guid documentId, string flag)
    {
        if (!_addedFlags.TryGetValue(documentId, out var flags))
        {
            _addedFlags[documentId] = flags = [];
        }

        if (!flags.Contains(flag))
        {
            flags.Add(flag);
        }
    }

    /// <summary>The flags steps added to <paramref name="documentId"/>, or none.</summary>
    public IReadOnlyList<string> AddedFlags(Guid documentId) => _addedFlags.TryGetValue(documentId, out var flags) ? flags : [];

    /// <summary>The documents that steps added flags to.</summary>
    public IReadOnlyCollection<Guid> Flagged => _addedFlags.Keys;
}
