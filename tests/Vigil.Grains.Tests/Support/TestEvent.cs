using System.Net;

namespace Vigil.Grains.Tests;

/// <summary>A stand-in for the event model (which does not exist yet): the engine only sees it through fields.</summary>
public sealed class TestEvent
{
    public string? Type { get; init; }

    public string? ProcName { get; init; }

    public IReadOnlyList<string>? ProcArgs { get; init; }

    public string? FdName { get; init; }

    public string? Namespace { get; init; }

    public string? Verb { get; init; }

    public IPAddress? ServerIp { get; init; }

    public long? ServerPort { get; init; }

    public bool? Privileged { get; init; }

    public bool? A { get; init; }

    public bool? B { get; init; }

    public bool? C { get; init; }

    /// <summary>Nearest first: parent, grandparent, ...</summary>
    public IReadOnlyList<TestEvent>? Ancestors { get; init; }
}
