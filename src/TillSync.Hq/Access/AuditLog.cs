using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary>Who did what and when: every manager action is written in the same transaction as its effect.</summary>
public static class AuditLog
{
    /// <summary>Appends one entry.</summary>
    public static Task<int> RecordAsync(
        DbConnection connection, DbTransaction transaction, string actor, string action, string detail, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        connection.Command("INSERT INTO audit_log (at, actor, action, detail) VALUES (@at, @actor, @action, @detail)", transaction)
            .With("@at", StoredTime.Text(at)).With("@actor", actor).With("@action", action).With("@detail", detail)
            .ExecuteAsync(cancellationToken);
}
