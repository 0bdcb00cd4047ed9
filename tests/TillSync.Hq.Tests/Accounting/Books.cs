using TillSync.Contracts.Accounting;

namespace TillSync.Hq.Tests.Accounting;

/// <summary>Reading and comparing trial balances.</summary>
internal static class Books
{
    /// <summary>Nothing posted between the two.</summary>
    public static void AssertSame(TrialBalanceView before, TrialBalanceView after)
    {
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(before.Rows, after.Rows);
    }

    /// <summary>One account's balance, 0 when it never moved.</summary>
    public static long Balance(TrialBalanceView trialBalance, string account) =>
        trialBalance.Rows.SingleOrDefault(r => r.Account == account)?.BalancePaise ?? 0;

    /// <summary>The balance of every account under <paramref name="prefix"/>.</summary>
    public static long BalanceUnder(TrialBalanceView trialBalance, string prefix) =>
        trialBalance.Rows.Where(r => r.Account.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.BalancePaise);
}
