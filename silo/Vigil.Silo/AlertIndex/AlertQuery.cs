namespace Vigil.Silo.AlertIndex;

/// <summary>One page of the index: a filter, an order, and where the page starts (a cursor or an offset, not both).</summary>
public sealed record AlertQuery
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;

    public AlertFilter Filter { get; init; } = new();

    public AlertSort Sort { get; init; } = AlertSort.LastSeen;

    public bool Descending { get; init; } = true;

    public int Limit { get; init; } = DefaultLimit;

    public int Offset { get; init; }

    public AlertCursor? After { get; init; }
}
