namespace TillSync.Till.Hosting;

/// <summary>What started the till process and so decides its lifetime.</summary>
public enum ServiceManager
{
    /// <summary>A person or a script: Ctrl-C or SIGTERM stops it.</summary>
    Console = 1,

    /// <summary>systemd (<c>Type=notify</c>): the till reports ready and stopping, and logs without colour codes.</summary>
    Systemd,

    /// <summary>The Windows service control manager: it starts and stops the till, which logs to the Event Log too.</summary>
    Windows,
}
