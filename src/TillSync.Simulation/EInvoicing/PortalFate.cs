namespace TillSync.Simulation.EInvoicing;

/// <summary>What befalls one call from HQ to the portal (<see cref="PortalLine"/>). Which fates leave the outcome
/// unknown to HQ, and which do the work anyway, is what HQ's registrar must tell apart (docs/einvoice.md, "Unknown
/// outcomes").</summary>
public enum PortalFate
{
    /// <summary>The portal answers.</summary>
    Deliver = 1,

    /// <summary>The portal answers 503 before it takes the request: nothing happens.</summary>
    Refused,

    /// <summary>The connection resets before the portal gets the request: nothing happens.</summary>
    ResetBefore,

    /// <summary>The portal is slow: HQ's call timeout passes before it takes the request. Nothing happens, but HQ cannot
    /// tell that from <see cref="AnswerLost"/>.</summary>
    TooSlow,

    /// <summary>The portal does the work (registers, cancels) and its answer is lost: HQ's call times out.</summary>
    AnswerLost,

    /// <summary>The request reaches the portal twice (a retransmission on the way); HQ reads the second answer, which for
    /// a registration is 2150 with DUPIRN.</summary>
    Duplicate,

    /// <summary>The portal registers the document and HQ dies before it reads the answer, still holding the bill's
    /// lease (registrations only).</summary>
    HqCrash,
}
