using TillSync.Contracts.Tills;

namespace TillSync.Till.Catalog;

/// <summary>What the till says of a product HQ has retired (docs/back-office.md, "Catalogue"): it is no longer sold; a
/// return of an earlier sale of it goes through the returns flow, which does not look the product up.</summary>
public static class RetiredProducts
{
    /// <summary>The sentence a cashier reads on scanning or billing <paramref name="product"/>, when it is retired.</summary>
    public static string Refusal(SnapshotProduct product) =>
        $"{product.Name} ({product.Sku}) has been retired at HQ and is no longer sold; a return of an earlier sale of it is still taken.";
}
