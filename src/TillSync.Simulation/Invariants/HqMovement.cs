namespace TillSync.Simulation.Invariants;

/// <summary>One loyalty or store credit movement at HQ.</summary>
/// <param name="Account">The customer's phone, or the voucher's code.</param>
/// <param name="Kind"><c>earn</c>, <c>burn</c>, <c>adjustment</c>; <c>issue</c>, <c>spend</c>.</param>
/// <param name="Amount">Signed points, or signed paise.</param>
/// <param name="DocumentId">The sale or return that moved it; null for a manager's adjustment.</param>
public sealed record HqMovement(string Account, string Kind, long Amount, Guid? DocumentId);
