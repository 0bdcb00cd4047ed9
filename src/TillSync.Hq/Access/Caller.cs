namespace TillSync.Hq.Access;

/// <summary>Who a request's bearer token names. Starts at 1 so <c>default</c> is never a valid kind.</summary>
public enum CallerKind
{
    /// <summary>A till: may sync and read its own snapshot, nothing else.</summary>
    Till = 1,

    /// <summary>A manager: catalogue, stock, tills, orders, reviews.</summary>
    Manager,
}

/// <summary>The authenticated caller of a request.</summary>
/// <param name="Kind">Till or manager.</param>
/// <param name="Id">The till's or manager's id.</param>
/// <param name="StoreId">The till's store; 0 for a manager.</param>
/// <param name="Name">For logs and the audit trail; never the token.</param>
public sealed record Caller(CallerKind Kind, long Id, long StoreId, string Name);
