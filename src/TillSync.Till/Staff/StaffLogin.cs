using System.Globalization;
using TillSync.Contracts.Staff;
using TillSync.Core.Staff;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Storage;

namespace TillSync.Till.Staff;

/// <summary>PIN login at the till, offline: the PIN is checked against the hash in the last snapshot from HQ. After
/// <see cref="WrongPinsMax"/> wrong PINs in a row a staff member is locked on this till — kept in <c>staff_lockouts</c>, so
/// a restart does not lift it — until a supervisor or manager of the store enters their own PIN to unlock them. PINs are
/// never stored, logged or answered.</summary>
public sealed partial class StaffLogin(TillDatabase database, SnapshotStore snapshots, CashierSession session, TimeProvider time, ILogger<StaffLogin> logger)
{
    /// <summary>Wrong PINs in a row that lock a staff member on this till.</summary>
    public const int WrongPinsMax = 5;

    /// <summary>The store's active staff as the last snapshot lists them, each with whether they are locked here.</summary>
    public async Task<List<StaffListing>> ListAsync(CancellationToken cancellationToken)
    {
        var locked = await LockedAsync(cancellationToken);
        return [.. (snapshots.Current?.Staff ?? []).Select(s => new StaffListing(s.StaffId, s.Name, s.Role, locked.Contains(s.StaffId)))];
    }

    /// <summary>Logs <paramref name="staffId"/> in when <paramref name="pin"/> is theirs.</summary>
    public async Task<LoginResult> LogInAsync(long staffId, string pin, CancellationToken cancellationToken)
    {
        if (Find(staffId) is not { } staff)
        {
            return LoginResult.Of(LoginOutcome.UnknownStaff);
        }

        var (outcome, attemptsLeft) = await CheckAsync(staff, pin, cancellationToken);
        if (outcome != LoginOutcome.LoggedIn)
        {
            return new LoginResult(outcome, null, attemptsLeft);
        }

        var cashier = new Cashier(staff.StaffId, staff.Name, staff.Role);
        session.Begin(cashier);
        LogLoggedIn(logger, staff.StaffId, staff.Role);
        return new LoginResult(LoginOutcome.LoggedIn, cashier, WrongPinsMax);
    }

    /// <summary>Lifts the lock on <paramref name="staffId"/> when <paramref name="supervisorId"/> is a supervisor or manager
    /// of the store and <paramref name="supervisorPin"/> is theirs. A wrong supervisor PIN counts against the supervisor.</summary>
    public async Task<LoginResult> UnlockAsync(long staffId, long supervisorId, string supervisorPin, CancellationToken cancellationToken)
    {
        if (Find(staffId) is null)
        {
            return LoginResult.Of(LoginOutcome.UnknownStaff);
        }

        var checkedPin = await SupervisorAsync(supervisorId, supervisorPin, cancellationToken);
        if (checkedPin.Outcome != LoginOutcome.LoggedIn)
        {
            return checkedPin;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("DELETE FROM staff_lockouts WHERE staff_id = @id").With("@id", staffId).ExecuteAsync(cancellationToken);
        LogUnlocked(logger, staffId, supervisorId);
        return new LoginResult(LoginOutcome.Unlocked, null, WrongPinsMax);
    }

    /// <summary>Checks an approval's PIN (docs/pricing.md): <c>Approved</c> with the approver when
    /// <paramref name="approverId"/> is a supervisor or manager of the store and <paramref name="pin"/> is theirs. A wrong
    /// PIN counts against the approver, as at an unlock.</summary>
    public async Task<LoginResult> ApproveAsync(long approverId, string pin, CancellationToken cancellationToken)
    {
        var checkedPin = await SupervisorAsync(approverId, pin, cancellationToken);
        return checkedPin.Outcome == LoginOutcome.LoggedIn ? checkedPin with { Outcome = LoginOutcome.Approved } : checkedPin;
    }

    // A supervisor's or manager's PIN: LoggedIn with them as the result's cashier (no session begins), or the refusal.
    private async Task<LoginResult> SupervisorAsync(long supervisorId, string pin, CancellationToken cancellationToken)
    {
        if (Find(supervisorId) is not { } supervisor)
        {
            return LoginResult.Of(LoginOutcome.UnknownStaff);
        }

        if (!StaffRoles.MayUnlock(supervisor.Role))
        {
            return LoginResult.Of(LoginOutcome.NotSupervisor);
        }

        var (outcome, attemptsLeft) = await CheckAsync(supervisor, pin, cancellationToken);
        return outcome == LoginOutcome.LoggedIn
            ? new LoginResult(outcome, new Cashier(supervisor.StaffId, supervisor.Name, supervisor.Role), attemptsLeft)
            : new LoginResult(outcome, null, attemptsLeft);
    }

    private SnapshotStaff? Find(long staffId) => snapshots.Current?.Staff?.FirstOrDefault(s => s.StaffId == staffId);

    // The PIN is hashed outside any transaction (it takes a fraction of a second); the count is then updated in one.
    private async Task<(LoginOutcome Outcome, int AttemptsLeft)> CheckAsync(SnapshotStaff staff, string pin, CancellationToken cancellationToken)
    {
        if ((await LockedAsync(cancellationToken)).Contains(staff.StaffId))
        {
            return (LoginOutcome.Locked, 0);
        }

        if (!StaffPin.IsWellFormed(pin))
        {
            return (LoginOutcome.MalformedPin, WrongPinsMax);
        }

        var matches = await Task.Run(() => Matches(staff, pin), cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        if (matches)
        {
            await connection.Command("DELETE FROM staff_lockouts WHERE staff_id = @id", transaction).With("@id", staff.StaffId).ExecuteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (LoginOutcome.LoggedIn, WrongPinsMax);
        }

        var wrong = Convert.ToInt32(await connection.Command("""
            INSERT INTO staff_lockouts (staff_id, wrong_pins, locked_at) VALUES (@id, 1, NULL)
            ON CONFLICT (staff_id) DO UPDATE SET wrong_pins = wrong_pins + 1
            RETURNING wrong_pins
            """, transaction).With("@id", staff.StaffId).ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (wrong >= WrongPinsMax)
        {
            await connection.Command("UPDATE staff_lockouts SET locked_at = @at WHERE staff_id = @id", transaction)
                .With("@id", staff.StaffId).With("@at", StoredTime.Text(time.GetUtcNow())).ExecuteAsync(cancellationToken);
            LogLockedOut(logger, staff.StaffId, WrongPinsMax);
        }

        await transaction.CommitAsync(cancellationToken);
        return wrong >= WrongPinsMax ? (LoginOutcome.Locked, 0) : (LoginOutcome.WrongPin, WrongPinsMax - wrong);
    }

    private static bool Matches(SnapshotStaff staff, string pin)
    {
        try
        {
            return new StaffPin(Convert.FromBase64String(staff.PinHash), Convert.FromBase64String(staff.PinSalt), staff.PinIterations).Matches(pin);
        }
        catch (FormatException)
        {
            // A snapshot hash that is not base64 matches no PIN; the staff member asks HQ to set a new one.
            return false;
        }
    }

    private async Task<HashSet<long>> LockedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.Command("SELECT staff_id FROM staff_lockouts WHERE locked_at IS NOT NULL").ListAsync(r => r.GetInt64(0), cancellationToken)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} ({Role}) logged in")]
    private static partial void LogLoggedIn(ILogger logger, long staffId, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff {StaffId} locked on this till after {WrongPins} wrong PINs; a supervisor must unlock them")]
    private static partial void LogLockedOut(ILogger logger, long staffId, int wrongPins);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} unlocked by supervisor {SupervisorId}")]
    private static partial void LogUnlocked(ILogger logger, long staffId, long supervisorId);
}

/// <summary>How a login or an unlock ended. Starts at 1 so that <c>default</c> is never valid.</summary>
public enum LoginOutcome
{
    /// <summary>The PIN was right: logged in.</summary>
    LoggedIn = 1,

    /// <summary>The supervisor's PIN was right: the staff member is unlocked.</summary>
    Unlocked,

    /// <summary>A wrong PIN; it counts towards the lock.</summary>
    WrongPin,

    /// <summary>Locked after too many wrong PINs; a supervisor must unlock.</summary>
    Locked,

    /// <summary>Not 4 to 6 digits; not counted.</summary>
    MalformedPin,

    /// <summary>No active staff member of this store has the id (as of the last snapshot).</summary>
    UnknownStaff,

    /// <summary>The unlocking or approving staff member is a cashier.</summary>
    NotSupervisor,

    /// <summary>The supervisor's PIN was right: the markdowns are approved.</summary>
    Approved,
}

/// <summary>A login's or unlock's outcome.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Cashier">Who is now logged in, after a login.</param>
/// <param name="AttemptsLeft">Wrong PINs left before the lock.</param>
public sealed record LoginResult(LoginOutcome Outcome, Cashier? Cashier, int AttemptsLeft)
{
    /// <summary>An outcome with no cashier and no attempts used.</summary>
    public static LoginResult Of(LoginOutcome outcome) => new(outcome, null, StaffLogin.WrongPinsMax);
}

/// <summary>A staff member on the login screen.</summary>
/// <param name="StaffId">HQ's id.</param>
/// <param name="Name">Name.</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="Locked">True while locked on this till.</param>
public sealed record StaffListing(long StaffId, string Name, string Role, bool Locked);
