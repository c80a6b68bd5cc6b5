namespace Vigil.Grains.Rules;

/// <summary>Everything the parse stage found across all files: lists and macros are global to the set.</summary>
internal sealed class ParsedRuleFiles
{
    public List<RuleDraft> Rules { get; } = [];

    public List<ListDefinition> Lists { get; } = [];

    public List<MacroDefinition> Macros { get; } = [];
}
