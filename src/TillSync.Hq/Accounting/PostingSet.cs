namespace TillSync.Hq.Accounting;

/// <summary>Collects the debits and credits of one entry, one posting per account: amounts to the same account add
/// up, and an account that nets to zero posts nothing.</summary>
public sealed class PostingSet
{
    private readonly List<string> _accounts = [];
    private readonly Dictionary<string, long> _amountPaiseByAccount = new(StringComparer.Ordinal);

    /// <summary>Adds a debit (positive) or credit (negative).</summary>
    public PostingSet Add(string account, long amountPaise)
    {
        if (!_amountPaiseByAccount.TryGetValue(account, out var sumPaise))
        {
            _accounts.Add(account);
        }

        _amountPaiseByAccount[account] = checked(sumPaise + amountPaise);
        return this;
    }

    /// <summary>Adds a debit of <paramref name="amountPaise"/> to one account and the matching credit to another.</summary>
    public PostingSet Transfer(string debitAccount, string creditAccount, long amountPaise) =>
        Add(debitAccount, amountPaise).Add(creditAccount, checked(-amountPaise));

    /// <summary>The postings, in the order their accounts were first named.</summary>
    public IReadOnlyList<Posting> ToPostings() =>
        _accounts.Where(a => _amountPaiseByAccount[a] != 0).Select(a => new Posting(a, _amountPaiseByAccount[a])).ToList();
}
