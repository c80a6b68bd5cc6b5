namespace Vigil.Grains.Rules;

/// <summary>A named set of values; an item that names another list stands for that list's items.</summary>
internal sealed record ListDefinition(string Name, IReadOnlyList<(string Item, SourceLocation Location)> Items, SourceLocation Location);
