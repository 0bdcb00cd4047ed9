namespace TillSync.Till.Sync;

/// <summary>A switch on the till's link to HQ, as a cable a demo can pull: while it is cut, every request to HQ fails
/// before it leaves the till, exactly as an unreachable HQ fails, and the documents wait in the queue. <c>tillsync demo</c>
/// gives each till a switchable one (a key in its terminal, a button on the cashier page); a till run on its own has
/// <see cref="Fixed"/>, which is never cut and has no control.</summary>
public sealed class LinkSwitch
{
    private volatile bool _cut;

    private LinkSwitch(bool switchable) => Switchable = switchable;

    /// <summary>The link of a till without the demo's control: never cut.</summary>
    public static LinkSwitch Fixed => new(switchable: false);

    /// <summary>A link the demo may cut and restore.</summary>
    public static LinkSwitch Demo() => new(switchable: true);

    /// <summary>Whether this link has a control at all.</summary>
    public bool Switchable { get; }

    /// <summary>Whether the link is cut now.</summary>
    public bool IsCut => _cut;

    /// <summary>Cuts (<paramref name="cut"/>) or restores the link; a link without a control refuses.</summary>
    public void Set(bool cut)
    {
        if (!Switchable)
        {
            throw new InvalidOperationException("This till's link to HQ has no switch: only `tillsync demo` gives its tills one.");
        }

        _cut = cut;
    }
}

/// <summary>Fails every request to HQ while <see cref="LinkSwitch"/> is cut, as a refused connection would.</summary>
public sealed class SwitchedLinkHandler(LinkSwitch link) : DelegatingHandler
{
    /// <summary>The sentence the status bar shows after "HQ unreachable: ".</summary>
    public const string CutMessage = "the link to HQ is cut (tillsync demo)";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        link.IsCut ? throw new HttpRequestException(CutMessage) : base.SendAsync(request, cancellationToken);
}
