using System.Collections.Generic;

namespace Vigil.Runtime.Generator;

/// <summary>One method: its return shape, its result type and its parameters as (type, name) pairs.</summary>
internal sealed record GrainMethodModel(
    string Name,
    string ReturnType,
    ReturnKind Kind,
    string ResultType,
    bool OneWay,
    IReadOnlyList<(string Type, string Name)> Parameters);
