using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Pricing;
using TillSync.Core;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>What a new promotion must be (docs/pricing.md, "Promotions"): a bad field is a 400 problem naming it and changes
/// nothing.</summary>
public static class PromotionRules
{
    /// <summary>The longest name, in characters.</summary>
    public const int NameLengthMax = 80;

    /// <summary>The most products one promotion names.</summary>
    public const int SkusMax = 50;

    /// <summary>The largest N or M of buy-N-get-M.</summary>
    public const int BuyGetQtyMax = 100;

    /// <summary>The most promotions not yet over at once: a till's snapshot carries them all, with its settings.</summary>
    public const int NotOverMax = 200;

    /// <summary>The first problem with <paramref name="request"/> that needs no database, as a sentence naming the field, or
    /// null.</summary>
    public static string? Problem(PromotionRequest? request, DateTimeOffset now)
    {
        if (request is null)
        {
            return "Send a promotion: {name, kind, storeId, validFrom, validTo, …}.";
        }

        if (FreeText.Problem(request.Name, "name", 1, NameLengthMax) is { } nameProblem)
        {
            return nameProblem;
        }

        if (request.Kind is null || !PromotionKinds.All.Contains(request.Kind))
        {
            return $"kind must be one of {string.Join(", ", PromotionKinds.All)}.";
        }

        if (request.ValidFrom is not { } from || request.ValidTo is not { } to)
        {
            return "validFrom and validTo are required (ISO-8601 with an offset, e.g. 2026-12-01T00:00:00+05:30).";
        }

        if (from >= to)
        {
            return "validFrom must be before validTo.";
        }

        if (to <= now)
        {
            return "validTo must be in the future: a promotion that is already over would change nothing.";
        }

        return request.StoreId is <= 0 ? "storeId must be a store's id, or absent for every store." : KindProblem(request);
    }

    // The fields of the request's kind present and in range, and those of the other kinds absent.
    private static string? KindProblem(PromotionRequest r)
    {
        var isBill = r.Kind == PromotionKinds.BillValue;
        var skus = r.Skus ?? [];
        if (isBill ? skus.Count != 0 : skus.Count is 0 or > SkusMax)
        {
            return isBill ? "skus must be absent for a bill-value discount." : $"skus must name 1 to {SkusMax} products.";
        }

        if (skus.FirstOrDefault(s => !OrderRules.IsWellFormedSku(s)) is { } bad)
        {
            return $"skus: '{bad}' is not a well-formed SKU.";
        }

        if (skus.Distinct(StringComparer.Ordinal).Count() != skus.Count)
        {
            return "skus must name each product once.";
        }

        return r.Kind switch
        {
            PromotionKinds.ScheduledPrice => Absent(r, price: true) ?? (r.PricePaise is > 0 and <= Limits.UnitPricePaiseMax
                ? null
                : $"pricePaise must be above 0 and at most {Limits.UnitPricePaiseMax}."),
            PromotionKinds.BuyGet => Absent(r, buyGet: true) ?? (r.BuyQty is >= 1 and <= BuyGetQtyMax && r.GetQty is >= 1 and <= BuyGetQtyMax
                ? null
                : $"buyQty and getQty must each be 1 to {BuyGetQtyMax}."),
            _ => Absent(r, bill: true) ?? BillProblem(r),
        };
    }

    private static string? BillProblem(PromotionRequest r)
    {
        if (r.ThresholdPaise is not (> 0 and <= Limits.UnitPricePaiseMax))
        {
            return $"thresholdPaise must be above 0 and at most {Limits.UnitPricePaiseMax}.";
        }

        if ((r.OffPaise is null) == (r.OffBp is null))
        {
            return "Send one of offPaise (an amount off) and offBp (a percentage off, in basis points).";
        }

        if (r.OffPaise is { } off && (off <= 0 || off > r.ThresholdPaise))
        {
            return "offPaise must be above 0 and at most thresholdPaise, so that it never takes off more than the bill.";
        }

        if (r.OffBp is <= 0 or > RoleLimit.DiscountBpMaxLimit)
        {
            return $"offBp must be 1 to {RoleLimit.DiscountBpMaxLimit} basis points (10000 = the whole bill).";
        }

        return r.CapPaise is { } cap && (r.OffBp is null || cap <= 0 || cap > Limits.UnitPricePaiseMax)
            ? "capPaise caps a percentage off only, and must be above 0."
            : null;
    }

    private static string? Absent(PromotionRequest r, bool price = false, bool buyGet = false, bool bill = false)
    {
        string[] extra =
        [
            .. !price && r.PricePaise is not null ? ["pricePaise"] : Array.Empty<string>(),
            .. !buyGet && (r.BuyQty ?? r.GetQty) is not null ? ["buyQty/getQty"] : Array.Empty<string>(),
            .. !bill && (r.ThresholdPaise ?? r.OffPaise ?? r.CapPaise ?? r.OffBp) is not null ? ["thresholdPaise/offPaise/offBp/capPaise"] : Array.Empty<string>(),
        ];
        return extra.Length == 0 ? null : $"{string.Join(", ", extra)} do not belong to a {r.Kind} promotion.";
    }

    /// <summary>The first problem with <paramref name="request"/> against the database, in the write's transaction: the
    /// store and products it names exist, a scheduled price is at most each product's MRP, and no more than
    /// <see cref="NotOverMax"/> promotions would be running or scheduled.</summary>
    public static async Task<string?> StoredProblemAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, PromotionRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (request.StoreId is { } storeId && await connection.Command("SELECT COUNT(*) FROM stores WHERE store_id = @id", transaction)
                .With("@id", storeId).FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken) == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"storeId: there is no store {storeId}.");
        }

        var skus = request.Skus ?? [];
        var products = skus.Count == 0 ? [] : (await engine.ListWhereInAsync(connection, transaction, "SELECT sku, mrp_paise FROM products WHERE sku IN ({list})",
            skus, [], r => (Sku: r.GetString(0), MrpPaise: r.NullableInt64(1)), cancellationToken)).ToDictionary(p => p.Sku, p => p.MrpPaise);
        if (skus.FirstOrDefault(s => !products.ContainsKey(s)) is { } unknown)
        {
            return $"skus: there is no product '{unknown}' in the catalogue.";
        }

        if (request.PricePaise is { } price && skus.FirstOrDefault(s => products[s] is { } mrp && price > mrp) is { } aboveMrp)
        {
            return $"pricePaise ₹{Paise.ToRupeeString(price)} is above the MRP of '{aboveMrp}' (₹{Paise.ToRupeeString(products[aboveMrp]!.Value)}): no customer may be charged more than the MRP.";
        }

        var notOver = await connection.Command(
                "SELECT COUNT(*) FROM promotions WHERE valid_to > @now AND (ended_at IS NULL OR ended_at > @now)", transaction)
            .With("@now", StoredTime.Text(now)).FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        return notOver >= NotOverMax
            ? $"There are already {NotOverMax} promotions running or scheduled, the most a till carries; end one first."
            : null;
    }
}
