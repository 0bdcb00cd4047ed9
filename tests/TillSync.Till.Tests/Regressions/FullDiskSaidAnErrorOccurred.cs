// Regression: when the till could not write its database (a full disk), a sale answered ASP.NET's bare 500, "An error
// occurred", and the cashier could not tell whether it was saved. Runs a real till whose files may not grow past 1 MiB
// (RLIMIT_FSIZE, as a full disk) and sells until a write fails: the cashier reads that it was not saved, and it was not.
using System.Net;
using System.Text.Json;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Web;

namespace TillSync.Till.Tests.Regressions;

public sealed class FullDiskSaidAnErrorOccurred
{
    private const int FileSizeLimitKib = 1_024;
    private const int SalesMax = 1_000;

    [Fact]
    public async Task Sale_WhenTheDiskIsFull_AnswersThatNothingWasSavedAndSavesNothing()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token, FileSizeLimitKib);
        await till.Api.WaitOnlineAsync();
        var sale = Carts.PaidInCash([new("RICE-5KG", 1), new("SOAP-125G", 2), new("SUGAR-LOOSE", 1.25m)]);

        HttpResponseMessage? refused = null;
        var saved = 0;
        while (refused is null && saved < SalesMax)
        {
            var response = await till.Api.PostSaleAsync(sale);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                saved++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == (HttpStatusCode)StorageProblems.StatusCode, $"after {saved} sales: {(int)refused.StatusCode} {body}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
            Assert.Contains("so this was not saved", detail, StringComparison.Ordinal);
            Assert.Contains("Sales saved before are safe", detail, StringComparison.Ordinal);
        }

        Assert.True(saved > 0, "the till should have saved sales before its disk filled");
        Assert.Equal(saved, (await till.Api.AllSalesAsync()).Count);
        var output = till.Output(2_000);
        Assert.Contains("POST /api/sales could not write the till's database", output, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception has occurred", output, StringComparison.Ordinal);
    }
}
