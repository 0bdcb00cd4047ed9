namespace TillSync.Simulation.Runs;

/// <summary>What an event is.</summary>
public enum SimEventKind
{
    /// <summary>A cashier rings up a sale.</summary>
    Sale = 1,

    /// <summary>A customer brings goods back to a till.</summary>
    Return,

    /// <summary>A till's sync agent takes one step.</summary>
    AgentStep,

    /// <summary>A delayed copy of a request reaches HQ.</summary>
    Delivery,

    /// <summary>A fault starts or heals, or a node restarts.</summary>
    Fault,

    /// <summary>The manager decides some open review items at HQ.</summary>
    ManagerRound,

    /// <summary>HQ receives stock.</summary>
    StockReceipt,

    /// <summary>The manager changes prices in HQ's catalogue.</summary>
    PriceChange,

    /// <summary>HQ's e-invoice worker takes its rounds.</summary>
    EInvoiceRound,

    /// <summary>A till's store LAN exchange runs a round (<see cref="Lan.StoreLan"/>).</summary>
    LanRound,

    /// <summary>The manager creates or ends a promotion at HQ (<see cref="PromotionDesk"/>).</summary>
    Promotion,
}
