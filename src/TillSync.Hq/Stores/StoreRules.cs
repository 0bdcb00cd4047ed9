using TillSync.Contracts.Stores;
using TillSync.Core;
using TillSync.Core.Tax;

namespace TillSync.Hq.Stores;

/// <summary>What a store's details must satisfy; the e-invoice schema's seller rules.</summary>
public static class StoreRules
{
    /// <summary>The first problem with <paramref name="store"/>, its GSTIN checked by <paramref name="gstins"/>, or null.</summary>
    public static string? Problem(StoreDto store, GstinPolicy gstins)
    {
        if (!gstins.IsValid(store.Gstin))
        {
            return gstins.Rule == GstinRule.Sandbox
                ? $"gstin '{store.Gstin}' does not fit {gstins.Requirement}."
                : $"gstin '{store.Gstin}' is not a valid GSTIN ({gstins.Requirement}).";
        }

        if (store.StateCode != Gstin.StateCode(store.Gstin))
        {
            return $"stateCode '{store.StateCode}' must be the GSTIN's first two digits ('{Gstin.StateCode(store.Gstin)}').";
        }

        return Text(store.LegalName, "legalName", 3, 100)
            ?? OptionalText(store.TradeName, "tradeName", 3, 100)
            ?? Text(store.Address1, "address1", 1, 100)
            ?? OptionalText(store.Address2, "address2", 3, 100)
            ?? Text(store.Location, "location", 3, 50)
            ?? (store.Pin is >= 100000 and <= 999999 ? null : $"pin {store.Pin} must be a six-digit PIN code.");
    }

    private static string? Text(string value, string field, int lengthMin, int lengthMax) => FreeText.Problem(value, field, lengthMin, lengthMax);

    private static string? OptionalText(string? value, string field, int lengthMin, int lengthMax) =>
        value is null ? null : Text(value, field, lengthMin, lengthMax);
}
