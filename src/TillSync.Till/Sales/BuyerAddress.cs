using System.Globalization;
using TillSync.Contracts.Sync;

namespace TillSync.Till.Sales;

/// <summary>The till's check of a B2B buyer's address, which HQ copies into the e-invoice (<c>BuyerDtls</c>). The
/// fields are optional — a sale without them is valid, and a manager can add them at HQ — but what the cashier does
/// type must fit NIC's schema, or HQ would park the e-invoice after the customer has left.</summary>
public static class BuyerAddress
{
    /// <summary>The longest building-and-street line NIC accepts (<c>Addr1</c>).</summary>
    public const int Address1LengthMax = 100;

    /// <summary>The shortest city or town NIC accepts (<c>Loc</c>).</summary>
    public const int LocationLengthMin = 3;

    /// <summary>The longest city or town NIC accepts (<c>Loc</c>).</summary>
    public const int LocationLengthMax = 50;

    /// <summary>A sentence for the cashier about the first field that does not fit, or null. Pass a cleaned customer.</summary>
    public static string? Problem(CustomerDto? customer)
    {
        if (customer is null)
        {
            return null;
        }

        if (customer.Pin is { } pin && pin is < 100_000 or > 999_999)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Buyer PIN {pin} is not a PIN code: it must be 6 digits, not starting with 0.");
        }

        if (customer.Address1 is { Length: > Address1LengthMax })
        {
            return $"Buyer address is longer than {Address1LengthMax} characters; shorten it.";
        }

        return customer.Location is { Length: < LocationLengthMin or > LocationLengthMax }
            ? $"Buyer city must be {LocationLengthMin} to {LocationLengthMax} characters."
            : null;
    }
}
