using System.Text.Json.Serialization;

namespace TillSync.Contracts.Tills;

/// <summary>Enrols a till (<c>POST /api/v1/tills</c>).</summary>
/// <param name="Name">A name the manager recognises, e.g. "Counter 2"; 1 to 50 characters.</param>
/// <param name="StoreId">The till's store; the default store when null.</param>
public sealed record TillEnrolmentRequest(string Name, long? StoreId = null);

/// <summary>The enrolled till. The token is shown once; HQ keeps only its hash.</summary>
/// <param name="TillId">HQ's id for the till.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="Name">The till's name.</param>
/// <param name="Token">The till's bearer token (256 random bits); shown only in this reply.</param>
/// <param name="BillPrefix">The first part of every bill number this till prints, e.g. <c>T01</c>.</param>
public sealed record TillEnrolmentResult(long TillId, long StoreId, string Name, string Token, string BillPrefix);

/// <summary>A till as managers see it.</summary>
/// <param name="TillId">HQ's id for the till.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="Name">The till's name.</param>
/// <param name="BillPrefix">Its bill number prefix.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next.</param>
/// <param name="LastSyncAt">When its last sync committed; null before the first.</param>
/// <param name="QueueDepth">Sales waiting on the till, as it last reported; null before its first report.</param>
/// <param name="OldestUnsyncedAt">When the oldest waiting sale was made, as last reported.</param>
/// <param name="LastRefusalAt">When HQ last refused a sync body of this till whole (400, 413, 415); null when never. Later
/// than <paramref name="LastSyncAt"/> means the till's sync is failing.</param>
/// <param name="LastRefusal">That refusal's status and detail, at most 500 characters; null when never.</param>
/// <param name="RevokedAt">When a manager revoked its token (HQ refuses it from then on until a new token is issued);
/// null when the till's token stands.</param>
/// <param name="Replacements">How many times its device was replaced, each leaving a numbering gap a manager accounts for
/// (<c>GET /api/v1/tills/{id}/gaps</c>); absent when never.</param>
public sealed record TillView(
    long TillId, long StoreId, string Name, string BillPrefix, long NextSeq, DateTimeOffset? LastSyncAt,
    int? QueueDepth = null, DateTimeOffset? OldestUnsyncedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastRefusalAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastRefusal = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RevokedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Replacements = 0);
