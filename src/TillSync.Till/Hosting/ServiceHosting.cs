using System.Runtime.Versioning;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging.EventLog;

namespace TillSync.Till.Hosting;

/// <summary>Runs the till under the service manager that started it, with .NET's hosting integrations: the store's PC
/// starts it at boot and restarts it after a crash (<c>tillsync till install-service</c>, docs/deploy.md).</summary>
public static class ServiceHosting
{
    /// <summary>The Windows service's name: <c>install-service</c> registers it under this name and the till answers the
    /// service control manager under it.</summary>
    public const string WindowsServiceName = "TillSyncTill";

    /// <summary>Where the till's Event Log entries come from on Windows.</summary>
    public const string EventLogSource = "TillSync Till";

    /// <summary>The manager that started this process: the hosting packages' own checks (the parent process is
    /// services.exe; the parent is systemd, or the process is PID 1 with systemd's notify socket).</summary>
    public static ServiceManager Detect() =>
        WindowsServiceHelpers.IsWindowsService() ? ServiceManager.Windows
        : SystemdHelpers.IsSystemdService() ? ServiceManager.Systemd
        : ServiceManager.Console;

    /// <summary>Registers the lifetime (and logging) for <paramref name="manager"/>; nothing for a console.</summary>
    public static IServiceCollection AddServiceManager(this IServiceCollection services, ServiceManager manager)
    {
        switch (manager)
        {
            case ServiceManager.Systemd:
                services.AddSystemd();
                break;
            case ServiceManager.Windows:
                if (!OperatingSystem.IsWindows())
                {
                    throw new PlatformNotSupportedException("the Windows service control manager exists only on Windows");
                }

                services.AddWindowsServiceManager();
                break;
            case ServiceManager.Console:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(manager), manager, "unknown service manager");
        }

        return services;
    }

    /// <summary>The Windows service lifetime under <see cref="WindowsServiceName"/>, and logging to the Event Log.</summary>
    /// <remarks>What <c>AddWindowsService</c> registers, written out: <c>AddWindowsService</c> does nothing unless it finds
    /// itself under the service control manager, which would leave this path untestable anywhere but a Windows PC.
    /// <see cref="Detect"/> makes the same check before choosing it.</remarks>
    [SupportedOSPlatform("windows")]
    public static IServiceCollection AddWindowsServiceManager(this IServiceCollection services)
    {
        services.AddSingleton<IHostLifetime, WindowsServiceLifetime>();
        services.Configure<WindowsServiceLifetimeOptions>(o => o.ServiceName = WindowsServiceName);
        services.AddLogging(logging => logging.AddEventLog());
        services.Configure<EventLogSettings>(s => s.SourceName = EventLogSource);
        return services;
    }
}
