using TillSync.Contracts.Staff;

namespace TillSync.Till.Staff;

/// <summary>Who is logged in at this till, in memory: every document the till records names this cashier, and none is
/// recorded without one. A PIN is checked once, at login (<see cref="StaffLogin"/>); a sale only reads this object, so
/// the sale path pays neither a database round trip nor a hash for it. The session locks itself after
/// <paramref name="idleLock"/> without a document or a request that counts as work (<see cref="Active"/>); a restart of
/// the till logs everyone out.</summary>
public sealed class CashierSession(TimeProvider time, TimeSpan idleLock)
{
    /// <summary>The idle time after which a till locks unless configured otherwise.</summary>
    public static readonly TimeSpan IdleLockDefault = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private Cashier? _current;
    private DateTimeOffset _lastActivity;

    /// <summary>How long the till stays logged in without work.</summary>
    public TimeSpan IdleLock => idleLock;

    /// <summary>Logs <paramref name="cashier"/> in, replacing whoever was (a switch of cashier mid-shift).</summary>
    public void Begin(Cashier cashier)
    {
        lock (_lock)
        {
            _current = cashier;
            _lastActivity = time.GetUtcNow();
        }
    }

    /// <summary>Logs out (the cashier's "Lock", or the page's idle timer).</summary>
    public void End()
    {
        lock (_lock)
        {
            _current = null;
        }
    }

    /// <summary>The logged-in cashier, counting this call as work; null when no one is, or the till has been idle past
    /// <see cref="IdleLock"/> (which logs them out).</summary>
    public Cashier? Active() => Read(touch: true);

    /// <summary>Counts as work for the logged-in cashier, if any (ringing up a cart).</summary>
    public void Touch() => Read(touch: true);

    /// <summary>The logged-in cashier without counting as work (the page's status poll); null as for <see cref="Active"/>.</summary>
    public Cashier? Current() => Read(touch: false);

    private Cashier? Read(bool touch)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_current is not null && now - _lastActivity >= idleLock)
            {
                _current = null;
            }

            if (touch && _current is not null)
            {
                _lastActivity = now;
            }

            return _current;
        }
    }
}

/// <summary>A logged-in staff member.</summary>
/// <param name="StaffId">HQ's id; the <c>cashierId</c> of every document recorded while they are logged in.</param>
/// <param name="Name">Their name.</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
public sealed record Cashier(long StaffId, string Name, string Role);
