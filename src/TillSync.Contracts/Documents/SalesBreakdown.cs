namespace TillSync.Contracts.Documents;

/// <summary>One day's sales split by cashier, tender and hour (<c>GET /api/v1/shifts/sales?date=&amp;storeId=&amp;tillId=</c>;
/// docs/shifts.md): every sale HQ holds of that IST day, committed or not — the till took the money either way.</summary>
/// <param name="Date">The IST day.</param>
/// <param name="Sales">How many sales.</param>
/// <param name="TotalPaise">Their bills' total.</param>
/// <param name="ByCashier">Per cashier: name, sales and total.</param>
/// <param name="ByTender">Per payment method: the amount applied to bills (net of change).</param>
/// <param name="ByHour">Per IST hour of the day: sales and total.</param>
public sealed record SalesBreakdown(
    DateOnly Date, int Sales, long TotalPaise, IReadOnlyList<CashierSales> ByCashier, IReadOnlyList<TenderSales> ByTender, IReadOnlyList<HourSales> ByHour);

/// <summary>One cashier's sales.</summary>
/// <param name="CashierId">HQ's staff id; null for sales from a till before staff.</param>
/// <param name="Name">Their name, <c>staff N</c> or <c>unknown cashier</c>.</param>
/// <param name="Sales">How many.</param>
/// <param name="TotalPaise">Their total.</param>
public sealed record CashierSales(long? CashierId, string Name, int Sales, long TotalPaise);

/// <summary>One tender's takings.</summary>
/// <param name="Method">The payment method.</param>
/// <param name="AmountPaise">Σ applied to bills.</param>
public sealed record TenderSales(string Method, long AmountPaise);

/// <summary>One hour's sales.</summary>
/// <param name="Hour">0 to 23, IST.</param>
/// <param name="Sales">How many.</param>
/// <param name="TotalPaise">Their total.</param>
public sealed record HourSales(int Hour, int Sales, long TotalPaise);
