namespace TillSync.Till.Web;

/// <summary>The demo's switch on a till's link to HQ (<c>PUT /api/demo/link</c>, tills of <c>tillsync demo</c> only):
/// <c>{"cut": true}</c> cuts it, <c>{"cut": false}</c> restores it. Setting it twice is setting it once.</summary>
/// <param name="Cut">Whether the link is to be cut.</param>
public sealed record DemoLinkRequest(bool? Cut);
