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

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TillSync.Irp");

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {Method} {Path}, then dropped the reply (commit-then-timeout)")]
    private static partial void DroppedReply(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered AckNo {AckNo} IRN {Irn}")]
    private static partial void Registered(ILogger logger, long ackNo, string irn);
}
