namespace TillSync.Core.EInvoicing;

/// <summary>How goods travel; the value is NIC's <c>TransMode</c> code.</summary>
public enum TransportMode
{
    /// <summary>By road, code "1".</summary>
    Road = 1,

    /// <summary>By rail, code "2".</summary>
    Rail = 2,

    /// <summary>By air, code "3".</summary>
    Air = 3,

    /// <summary>By ship, code "4".</summary>
    Ship = 4,
}
