using System.Data.Common;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Staff;
using TillSync.Core.Pricing;
using TillSync.Storage;

namespace TillSync.Hq.Pricing;

/// <summary>What each staff role may mark down or override at the till on its own (<c>role_limits</c>, migration 0021;
/// docs/pricing.md): a row per role and pricing version, the current limits being each role's newest.</summary>
public static class RoleLimits
{
    /// <summary>The most roles one write may set: each role once.</summary>
    public const int RolesPerWriteMax = 3;

    /// <summary>Every row, oldest first, by role.</summary>
    public static async Task<Dictionary<string, List<Versioned<RoleLimit>>>> LoadAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.Command("SELECT role, version, discount_bp_max, may_override, effective_at FROM role_limits ORDER BY role, version", transaction)
            .ListAsync(r => (Role: r.GetString(0), Row: new Versioned<RoleLimit>(r.GetInt64(1), StoredTime.Parse(r.GetString(4)),
                new RoleLimit(checked((int)r.GetInt64(2)), r.GetInt64(3) != 0))), cancellationToken);
        return rows.GroupBy(r => r.Role, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Row).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Each role's limits in force, in <see cref="StaffRoles.All"/>'s order.</summary>
    public static async Task<IReadOnlyList<RoleLimitDto>> CurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(connection, transaction, cancellationToken);
        return [.. StaffRoles.All.Where(rows.ContainsKey).Select(role => ToDto(role, rows[role][^1].Value))];
    }

    /// <summary>The wire's form of <paramref name="limit"/>.</summary>
    public static RoleLimitDto ToDto(string role, RoleLimit limit) => new(role, limit.DiscountBpMax, limit.MayOverride);

    /// <summary>Records <paramref name="limits"/> under <paramref name="version"/>.</summary>
    public static async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, long version, IReadOnlyList<RoleLimitDto> limits, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var limit in limits)
        {
            await connection.Command("""
                INSERT INTO role_limits (role, version, discount_bp_max, may_override, effective_at) VALUES (@role, @version, @bp, @override, @at)
                """, transaction)
                .With("@role", limit.Role).With("@version", version).With("@bp", (long)limit.DiscountBpMax).With("@override", limit.MayOverride ? 1L : 0L)
                .With("@at", StoredTime.Text(now)).ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>The first problem with a write of <paramref name="limits"/>, as a sentence naming the field, or null.</summary>
    public static string? Problem(IReadOnlyList<RoleLimitDto>? limits)
    {
        if (limits is null || limits.Count is 0 or > RolesPerWriteMax || limits.Any(l => l is null))
        {
            return $"Send 1 to {RolesPerWriteMax} role limits, each an object {{role, discountBpMax, mayOverride}}.";
        }

        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            if (!StaffRoles.All.Contains(limit.Role))
            {
                return $"[{i}].role must be one of {string.Join(", ", StaffRoles.All)}.";
            }

            if (limits.Take(i).Any(l => l.Role == limit.Role))
            {
                return $"[{i}].role {limit.Role} appears twice; send each role once.";
            }

            if (limit.DiscountBpMax is < 0 or > RoleLimit.DiscountBpMaxLimit)
            {
                return $"[{i}].discountBpMax must be 0 to {RoleLimit.DiscountBpMaxLimit} basis points (10000 = the whole line).";
            }
        }

        return null;
    }
}
