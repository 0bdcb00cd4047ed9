using TillSync.Hq.EInvoicing;
using TillSync.Hq.Web;

namespace TillSync.Simulation.EInvoicing;

/// <summary>The one place that connects the simulated HQ to the simulated portal: HQ is configured as
/// <c>tillsync hq --irp-url</c> configures it, and then its client of the portal is given the in-memory
/// <see cref="PortalLine"/> instead of a socket, and its background worker is taken out, because the simulation steps
/// the worker's rounds itself (<see cref="EInvoiceRound"/>). A change to how HQ reaches the portal (its options, its
/// handshake) changes only this class.</summary>
public static class HqPortalLink
{
    /// <summary><paramref name="options"/> with the portal's address and how to sign in to it, as <c>--irp-url</c>,
    /// <c>--irp-client-id</c> … and <c>--irp-public-key-file</c> give them (the key file written into HQ's data dir); HQ
    /// requires them with an IRP, though <see cref="Connect"/> then gives it a plain client.</summary>
    public static HqOptions WithPortal(HqOptions options)
    {
        var keyFile = Path.Combine(options.DataDirectory, "irp-auth-public.pem");
        Storage.OwnerOnly.CreateDirectory(options.DataDirectory);
        Storage.OwnerOnly.WriteAllText(keyFile, SimulatedPortal.SignInPublicKeyPem);
        return options with { IrpUrl = SimulatedPortal.BaseAddress, IrpCredentials = SimulatedPortal.ApiUser, IrpPublicKeyFile = keyFile };
    }

    /// <summary>Rewires HQ's <paramref name="services"/>, after <c>AddHq</c>, to reach the portal over <paramref name="line"/>.</summary>
    public static void Connect(IServiceCollection services, PortalLine line)
    {
        // HQ's worker polls on a timer and works on up to four tills' bills at once, in whatever order the thread pool
        // runs them; a seed must replay the same calls to the portal in the same order, so the event loop runs the rounds.
        services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(EInvoiceWorker)));
        foreach (var connection in services.Where(s => s.ServiceType == typeof(IrpConnection)).ToList())
        {
            services.Remove(connection);
        }

        // A factory, so that HQ's container disposes the client (not the line) when HQ crashes. Plain, without NIC's
        // session and encryption (the portal runs with --plain): the line reads each registration and the portal's answer
        // to record what reached the portal, which encrypted Data would hide. The handshake itself — sign-in, expiry,
        // re-sign-in, a tampered answer — is proven by its own tests (docs/decisions/0013-nic-handshake.md).
        services.AddSingleton(_ =>
        {
            var http = new HttpClient(line.CreateHandler()) { BaseAddress = SimulatedPortal.BaseAddress, Timeout = IrpConnection.CallTimeout };
            // NIC's user_name header, which the session handler would add.
            http.DefaultRequestHeaders.Add(Core.EInvoicing.IrpPaths.UserNameHeader, SimulatedPortal.ApiUser.UserName);
            return new IrpConnection(http);
        });
    }
}
