using System.Runtime.CompilerServices;

namespace TillSync.Core;

/// <summary>Always-on assertions for broken invariants. They crash loudly; only the last-chance handler catches them.</summary>
public static class Invariant
{
    /// <summary>Throws <see cref="InvariantViolationException"/> when <paramref name="condition"/> is false.</summary>
    public static void Assert(bool condition, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new InvariantViolationException($"Invariant violated: {expression}");
        }
    }
}

/// <summary>A broken invariant: a bug, never an expected outcome.</summary>
public sealed class InvariantViolationException(string message) : Exception(message);
