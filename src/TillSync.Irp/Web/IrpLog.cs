namespace TillSync.Irp.Web;

/// <summary>The simulator's log lines: what it registered and which replies it dropped on purpose, so that a test
/// failure shows what the IRP did.</summary>
public static partial class IrpLog
{
    /// <summary>Logs a reply dropped by the commit-then-timeout switch.</summary>
    public static void DroppedReply(HttpContext http) =>
        DroppedReply(Logger(http), http.Request.Method, http.Request.Path.Value ?? "");

    /// <summary>Logs a registration.</summary>
    public static void Registered(HttpContext http, long ackNo, string irn) => Registered(Logger(http), ackNo, irn);

    /// <summary>Logs a sign-in: the user, the GSTIN and the expiry, never the token or a key.</summary>
    public static void SignedIn(HttpContext http, string userName, string gstin, string expiresIst) =>
        SignedIn(Logger(http), userName, gstin, expiresIst);

    /// <summary>Logs a refused sign-in with NIC's code, never the password given.</summary>
    public static void SignInRefused(HttpContext http, string? userName, string errorCode) =>
        SignInRefused(Logger(http), userName ?? "", errorCode);

    /// <summary>Logs a reply whose sealed Data was garbled by the tampered-reply switch.</summary>
    public static void TamperedReply(HttpContext http) =>
        TamperedReply(Logger(http), http.Request.Method, http.Request.Path.Value ?? "");

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TillSync.Irp");

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {Method} {Path}, then dropped the reply (commit-then-timeout)")]
    private static partial void DroppedReply(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered AckNo {AckNo} IRN {Irn}")]
    private static partial void Registered(ILogger logger, long ackNo, string irn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in {UserName} for GSTIN {Gstin}, token valid until {ExpiresIst} IST")]
    private static partial void SignedIn(ILogger logger, string userName, string gstin, string expiresIst);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the sign-in of {UserName}: error {ErrorCode}")]
    private static partial void SignInRefused(ILogger logger, string userName, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {Method} {Path}, then garbled the reply's Data (tampered reply)")]
    private static partial void TamperedReply(ILogger logger, string method, string path);
}
