namespace TillSync.Core.Receipts;

/// <summary>What reading a receipt code found. Starts at 1 so that <c>default</c> is never a valid status.</summary>
public enum ReceiptCodeStatus
{
    /// <summary>Well formed, and the signature of the till it names verifies: the sale is as printed.</summary>
    Valid = 1,

    /// <summary>Not a receipt code of this format (wrong prefix, bad base64url, JSON that does not parse).</summary>
    Malformed,

    /// <summary>Well formed, but the reading till has no public key for the till the code names.</summary>
    UnknownTill,

    /// <summary>Well formed, but the signature does not verify with the named till's key: altered or forged.</summary>
    Forged,
}

/// <summary>The outcome of <see cref="ReceiptCode.Read"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Sale">The sale, only when <see cref="Status"/> is <see cref="ReceiptCodeStatus.Valid"/>.</param>
/// <param name="Detail">A sentence for the cashier: what is wrong and what to do, or what was read.</param>
public sealed record ReceiptCodeCheck(ReceiptCodeStatus Status, ReceiptCodeSale? Sale, string Detail);
