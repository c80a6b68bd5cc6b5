using System.Collections.Generic;

namespace Vigil.Runtime.Generator;

/// <summary>What the generator needs of one grain interface, as plain strings.</summary>
internal sealed record GrainInterfaceModel(
    string Namespace,
    string Name,
    string FullyQualifiedName,
    string GrainType,
    IReadOnlyList<GrainMethodModel> Methods);
