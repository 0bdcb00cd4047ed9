using Microsoft.AspNetCore.Builder;

namespace TillSync.Web;

/// <summary>How HQ and the till start their web host.</summary>
public static class Hosts
{
    /// <summary>A slim builder that reads no settings file and so watches none. The default one watches the content root
    /// (the working directory, recursively) for appsettings.json changes: an inotify watch per directory at every start,
    /// for a file neither process has — their settings come from the command line.</summary>
    public static WebApplicationBuilder CreateBuilder() =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
}
