namespace TillSync.Hq.Accounting;

/// <summary>The events that post to the journal.</summary>
public static class JournalKinds
{
    /// <summary>A committed sale.</summary>
    public const string Sale = "sale";

    /// <summary>Goods received from a supplier.</summary>
    public const string Receipt = "receipt";

    /// <summary>A manager's stock count correction.</summary>
    public const string Adjustment = "adjustment";

    /// <summary>A manager's resolution of a review item.</summary>
    public const string Resolution = "resolution";

    /// <summary>A committed return (a credit note).</summary>
    public const string Return = "return";

    /// <summary>Cash into or out of a till's drawer during a shift: a pickup to the safe, petty cash, change from the safe.</summary>
    public const string CashMovement = "cash_movement";

    /// <summary>A drawer counted short or over at a shift's close.</summary>
    public const string CashVariance = "cash_variance";

    /// <summary>A change of a product's cost, revaluing one store's stock on hand (ADR 0024).</summary>
    public const string Revaluation = "revaluation";

    /// <summary>Every kind, for a reader who asks for one.</summary>
    public static IReadOnlyList<string> All { get; } = [Sale, Receipt, Adjustment, Resolution, Return, CashMovement, CashVariance, Revaluation];

    /// <summary>The longest entry reference a reader may ask for: every ref HQ writes is a kind and an id, far shorter.</summary>
    public const int RefLengthMax = 100;

    /// <summary>The entry reference of a return.</summary>
    public static string ReturnRef(Guid documentId) => $"return:{documentId:D}";

    /// <summary>The entry reference of a sale.</summary>
    public static string SaleRef(Guid clientOrderId) => $"sale:{clientOrderId:D}";
}
