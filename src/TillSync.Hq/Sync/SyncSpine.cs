namespace TillSync.Hq.Sync;

/// <summary>What the sync coordinator is made of: the document kinds HQ records and the features' batch steps, in the
/// order they are registered (composition: <c>HqApplication.AddHq</c>). A new kind is one <see cref="Kind"/> call; a
/// feature with rows in a batch is one <see cref="Step{T}"/> call. The coordinator writes the kinds' rows first, then
/// the steps by <see cref="WriteStage"/>, in registration order within a stage.</summary>
public sealed class SyncSpine
{
    private readonly List<IDocumentKind> _kinds = [];
    private readonly List<(Type Type, Func<SyncBatch, IBatchStep> Create)> _steps = [];

    /// <summary>The registered kinds, in registration order.</summary>
    public IReadOnlyList<IDocumentKind> Kinds => _kinds;

    /// <summary>The registered steps' factories, in registration order.</summary>
    public IReadOnlyList<(Type Type, Func<SyncBatch, IBatchStep> Create)> Steps => _steps;

    /// <summary>Registers a document kind; a kind is registered once.</summary>
    public SyncSpine Kind(IDocumentKind kind)
    {
        if (_kinds.Exists(k => k.Kind == kind.Kind))
        {
            throw new InvalidOperationException($"Document kind '{kind.Kind}' is registered twice.");
        }

        _kinds.Add(kind);
        return this;
    }

    /// <summary>Registers a feature's step, made afresh for every batch; a type is registered once.</summary>
    public SyncSpine Step<T>(Func<SyncBatch, T> create) where T : IBatchStep
    {
        if (_steps.Exists(s => s.Type == typeof(T)))
        {
            throw new InvalidOperationException($"Batch step {typeof(T).Name} is registered twice.");
        }

        _steps.Add((typeof(T), batch => create(batch)));
        return this;
    }

    /// <summary>The handler of <paramref name="kind"/>, or null when this HQ does not know it.</summary>
    public IDocumentKind? Find(string kind) => _kinds.Find(k => k.Kind == kind);
}
