// Proves `tillsync einvoice irn` prints Core's IRN for good input and refuses bad input with a readable reason and a
// non-zero exit, and that `tillsync irp` documents its options and refuses out-of-range fault rates. In-process parser.
using TillSync.Cli.Verbs;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Invoices;

namespace TillSync.Cli.Tests.Verbs;

public sealed class EInvoiceVerbTests
{
    [Fact]
    public async Task Irn_SampleInvoice_PrintsTheIrnOfTheDuplicateSample()
    {
        var (exit, output) = await InProcessCli.RunAsync("einvoice", "irn", "--gstin", "29AABCH1234K1ZN", "--date", "15/11/2025", "--type", "INV", "--no", "BLR1/2526/000123");

        Assert.Equal(0, exit);
        Assert.Equal("3ae146e19932c68bf141ebdfe51a9816a2b127fb594db2dd5e94a3eb2c0de69e", output.Trim());
    }

    [Theory]
    [InlineData("29AABCH1234K1ZX", "15/11/2025", "INV", "BLR1/2526/000123", "--gstin")]
    [InlineData("29AABCH1234K1ZN", "31/02/2025", "INV", "BLR1/2526/000123", "--date")]
    [InlineData("29AABCH1234K1ZN", "2025-11-15", "INV", "BLR1/2526/000123", "--date")]
    [InlineData("29AABCH1234K1ZN", "15/11/2025", "BILL", "BLR1/2526/000123", "--type")]
    [InlineData("29AABCH1234K1ZN", "15/11/2025", "INV", "0BLR/1", "--no")]
    [InlineData("29AABCH1234K1ZN", "15/11/2025", "INV", "BLR1/2526/0001234567", "--no")]
    public async Task Irn_BadInput_ExitsNonZeroNamingTheOption(string gstin, string date, string type, string number, string option)
    {
        var (exit, output) = await InProcessCli.RunAsync("einvoice", "irn", "--gstin", gstin, "--date", date, "--type", type, "--no", number);
        var (irn, problem, _) = EInvoiceVerb.Compute(gstin, date, type, number);

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Null(irn);
        Assert.StartsWith(option + " ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Irn_SandboxGstinFailingTheCheckCharacter_IsComputedWithAWarningOnlyWithSandbox()
    {
        // 29AABCH1234K1ZX fits the schema's pattern; its check character should be N.
        var (exit, output) = await InProcessCli.RunAsync("einvoice", "irn", "--gstin", "29AABCH1234K1ZX", "--date", "15/11/2025", "--no", "BLR1/2526/000123", "--sandbox");
        var (irn, problem, warning) = EInvoiceVerb.Compute("29AABCH1234K1ZX", "15/11/2025", "INV", "BLR1/2526/000123", sandbox: true);
        var (_, notMatching, _) = EInvoiceVerb.Compute("29-ABCH1234K1ZX", "15/11/2025", "INV", "BLR1/2526/000123", sandbox: true);

        Assert.Equal(0, exit);
        Assert.Equal(Irn.Compute("29AABCH1234K1ZX", new DateOnly(2025, 11, 15), EInvoiceDocumentType.Invoice, "BLR1/2526/000123"), output.Trim());
        Assert.Equal(output.Trim(), irn);
        Assert.Null(problem);
        Assert.Contains("check character", warning, StringComparison.Ordinal);
        Assert.StartsWith("--gstin ", notMatching, StringComparison.Ordinal);
    }

    [Fact]
    public void Irn_LowerCaseTypeAndNumber_GiveTheSameIrn()
    {
        Assert.Equal(
            EInvoiceVerb.Compute("29AABCH1234K1ZN", "15/11/2025", "INV", "BLR1/2526/000123"),
            EInvoiceVerb.Compute("29AABCH1234K1ZN", "15/11/2025", "inv", "blr1/2526/000123"));
    }

    [Fact]
    public async Task Irp_Help_ListsEveryOptionWithItsEnvironmentTwin()
    {
        var (exit, help) = await InProcessCli.RunAsync("irp", "--help");

        Assert.Equal(0, exit);
        foreach (var text in new[] { "--urls", "--data", "--latency-ms", "TILLSYNC_IRP_LATENCY_MS", "--failure-rate", "TILLSYNC_IRP_FAILURE_RATE",
                     "--commit-then-timeout-rate", "TILLSYNC_IRP_COMMIT_THEN_TIMEOUT_RATE", "--seed", "--test-clock",
                     "--reporting-limit-days", "TILLSYNC_IRP_REPORTING_LIMIT_DAYS", "--reporting-limit-gstins", "TILLSYNC_IRP_REPORTING_LIMIT_GSTINS",
                     "--client-id", "TILLSYNC_IRP_CLIENT_ID", "--client-secret-file", "--password-file", "TILLSYNC_IRP_PASSWORD", "--token-minutes",
                     "--tampered-reply-rate", "--plain" })
        {
            Assert.Contains(text, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Irp_FailureRateAboveOne_ExitsWithoutStarting()
    {
        var (exit, output) = await InProcessCli.RunAsync("irp", "--urls", "http://127.0.0.1:0", "--data", Path.GetTempPath(), "--failure-rate", "1.5");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--reporting-limit-days", "-1")]
    [InlineData("--reporting-limit-days", "thirty")]
    [InlineData("--reporting-limit-gstins", "29AABCH1234K1ZN,NOT-A-GSTIN")]
    public async Task Irp_BadReportingLimit_ExitsWithoutStarting(string option, string value)
    {
        var (exit, output) = await InProcessCli.RunAsync("irp", "--urls", "http://127.0.0.1:0", "--data", Path.GetTempPath(), option, value);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportingLimitSettings_NameWhatIsWrong()
    {
        Assert.Equal("the reporting limit must be 0 (off) to 366 days; got -1.",
            new ReportingLimitSettings(-1, new HashSet<string>()).Problem());
        Assert.Equal("'NOT-A-GSTIN' in the reporting limit's sellers is not a GSTIN.",
            new ReportingLimitSettings(30, new HashSet<string> { "29AABCH1234K1ZN", "NOT-A-GSTIN" }).Problem());
        Assert.Null(new ReportingLimitSettings(0, new HashSet<string>()).Problem());
    }

    [Fact]
    public void ReportingLimitSettings_RefuseOnlyPastTheLimitOnlySellersInTheBand()
    {
        var date = new DateOnly(2026, 4, 1);
        var band = new ReportingLimitSettings(30, new HashSet<string> { "29AABCH1234K1ZN" });

        Assert.False(band.Refuses("29AABCH1234K1ZN", date, new DateOnly(2026, 5, 1)));
        Assert.True(band.Refuses("29AABCH1234K1ZN", date, new DateOnly(2026, 5, 2)));
        Assert.False(band.Refuses("29AAACR5055K1Z3", date, new DateOnly(2026, 6, 1)));
        Assert.False((band with { Days = 0 }).Refuses("29AABCH1234K1ZN", date, new DateOnly(2027, 1, 1)));
        Assert.True(ReportingLimitSettings.Default.Refuses("29AAACR5055K1Z3", date, new DateOnly(2026, 5, 2)));
    }
}
