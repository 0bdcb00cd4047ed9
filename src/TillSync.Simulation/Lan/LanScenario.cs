namespace TillSync.Simulation.Lan;

/// <summary>Whether a run has a store LAN, and what strikes it (docs/store-lan.md, "Proof"; ADR 0022).</summary>
public enum LanScenario
{
    /// <summary>No store LAN: the tills reach only HQ, as before issue 25 (the default).</summary>
    None = 0,

    /// <summary>The tills share their logs over the store LAN and relay each other's documents; the LAN partitions (a till
    /// cut off from its peers), the store's WAN goes down with the LAN up, and at times only one till has a WAN link.</summary>
    Faults,

    /// <summary>The comparison's run with sharing: the LAN never fails, only the WAN does (the store's line down with the LAN
    /// up, one till with a link), and the cashier sells no more than the till's stock view shows.</summary>
    WanOnlySharing,

    /// <summary>The comparison's run without sharing: the same WAN outages and the same cashier, but the tills have no peers.</summary>
    WanOnlyNoSharing,
}
