namespace TillSync.Core.Ids;

/// <summary>Mints ids. Injected so that a simulation replays the same ids from its seed.</summary>
public interface IIdGenerator
{
    /// <summary>A new id, unique for practical purposes and ordered by creation time.</summary>
    Guid NewId();
}
