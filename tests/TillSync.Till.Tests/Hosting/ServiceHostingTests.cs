// Proves the till's service hosting through .NET's hosting abstraction, with no Windows machine: the Windows path makes the
// host's lifetime the Windows service lifetime under the name install-service registers and logs to the Event Log; a console run keeps
// the default lifetime; off Windows the Windows path is refused. (The systemd path is run for real: SystemdNotifyTests.)
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging.EventLog;
using Microsoft.Extensions.Options;
using TillSync.Till.Hosting;

namespace TillSync.Till.Tests.Hosting;

public sealed class ServiceHostingTests
{
    [Fact]
    public void WindowsManager_RegistersTheWindowsServiceLifetime_UnderTheInstalledName_AndTheEventLog()
    {
        var services = new ServiceCollection();
#pragma warning disable CA1416 // registrations only: nothing Windows-only is constructed or run here
        services.AddWindowsServiceManager();
        using var provider = services.BuildServiceProvider();

        var lifetime = Assert.Single(services, d => d.ServiceType == typeof(IHostLifetime));
        Assert.Equal(typeof(WindowsServiceLifetime), lifetime.ImplementationType);
        Assert.Equal(ServiceHosting.WindowsServiceName, provider.GetRequiredService<IOptions<WindowsServiceLifetimeOptions>>().Value.ServiceName);
        Assert.Contains(services, d => d.ImplementationType == typeof(EventLogLoggerProvider));
        Assert.Equal(ServiceHosting.EventLogSource, provider.GetRequiredService<IOptions<EventLogSettings>>().Value.SourceName);
#pragma warning restore CA1416
    }

    [Fact]
    public void WindowsManager_OffWindows_IsRefused_ConsoleKeepsTheDefaultLifetime()
    {
        Assert.False(OperatingSystem.IsWindows(), "these tests run on Linux");
        Assert.Throws<PlatformNotSupportedException>(() => new ServiceCollection().AddServiceManager(ServiceManager.Windows));

        var console = new ServiceCollection().AddServiceManager(ServiceManager.Console);
        Assert.DoesNotContain(console, d => d.ServiceType == typeof(IHostLifetime));
    }

    [Fact]
    public void Detect_InATestRunner_IsConsole()
    {
        // Neither services.exe nor systemd started the test runner, so the till it hosts behaves as a console program.
        Assert.Equal(ServiceManager.Console, ServiceHosting.Detect());
    }
}
