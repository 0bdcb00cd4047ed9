using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;

namespace TillSync.Till.Outbox;

/// <summary>The one way documents are written on the till: one write transaction at a time, on one connection the writer
/// keeps with its statements compiled once (bench/RESULTS.md: compiling them per sale was most of the sale's own cost).
/// Any failure drops that connection and the next write opens a fresh one. A sale, a return, or both together (an
/// exchange) are each one <see cref="DocumentTransaction"/>: all of it is on disk when it commits, or none of it. The
/// write-ahead log is checkpointed beside the writes, not inside them (<see cref="WalCheckpointer"/>). Each document is
/// chained and signed with <paramref name="key"/> as it is stored (ADR 0016).</summary>
public sealed class DocumentWriter(TillDatabase database, ReceiptKey key, ILogger<DocumentWriter>? logger = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly WalCheckpointer _checkpointer = new(database, logger);
    private KeptConnection? _kept;

    /// <summary>The till's database the writer writes to.</summary>
    public TillDatabase Database => database;

    /// <summary>Runs <paramref name="work"/> in a new write transaction (<c>BEGIN IMMEDIATE</c>); the work commits it or
    /// leaves it to roll back (a problem for the cashier stores nothing).</summary>
    public async Task<T> WriteAsync<T>(Func<DocumentTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var kept = _kept ??= await OpenAsync(cancellationToken);
            try
            {
                T result;
                await using (var transaction = TillDatabase.BeginWrite(kept.Connection))
                {
                    result = await work(new DocumentTransaction(kept, transaction, key));
                }

                _checkpointer.DocumentWritten();
                return result;
            }
            catch
            {
                _kept = null;
                await kept.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Closes the kept connection, once a running checkpoint has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync();
        try
        {
            await _checkpointer.StoppedAsync();
            if (_kept is not null)
            {
                await _kept.DisposeAsync();
                _kept = null;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<KeptConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        await connection.Command(FormattableString.Invariant($"PRAGMA wal_autocheckpoint = {WalCheckpointer.WriterBackstopPages}"))
            .ExecuteAsync(cancellationToken);
        return new KeptConnection(connection);
    }

    // The writer's connection and its statements. Microsoft.Data.Sqlite keeps a command's compiled statement for as long as
    // its text and connection stay the same, so each statement is one command kept for the connection's life.
    internal sealed class KeptConnection(SqliteConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);

        public SqliteConnection Connection { get; } = connection;

        public ProductLookup Products { get; } = new(connection);

        public DbCommand Statement(string sql, DbTransaction transaction, (string Name, object? Value)[] parameters)
        {
            if (!_statements.TryGetValue(sql, out var command))
            {
                command = Connection.Command(sql);
                foreach (var (name, _) in parameters)
                {
                    command.With(name, null);
                }

                _statements[sql] = command;
            }

            command.Transaction = transaction;
            foreach (var (name, value) in parameters)
            {
                command.Set(name, value);
            }

            return command;
        }

        public async ValueTask DisposeAsync()
        {
            await Products.DisposeAsync();
            foreach (var command in _statements.Values)
            {
                await command.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
    }
}
