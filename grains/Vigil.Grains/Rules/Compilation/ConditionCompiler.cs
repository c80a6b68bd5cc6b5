using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Vigil.Grains.Rules;

/// <summary>
/// Turns condition syntax into nested delegates once, at load time. Macros compile once each and are shared by
/// every rule that names them; a macro used under <c>ancestor(...)</c> is simply applied to the ancestor event.
/// Errors go to the diagnostic bag and compilation carries on, so one load reports every problem.
/// </summary>
internal sealed partial class ConditionCompiler<TEvent>(
    FieldCatalogue<TEvent> catalogue,
    IReadOnlyDictionary<string, string[]> lists,
    IReadOnlyDictionary<string, MacroDefinition> macros,
    Func<string, Regex> regexFactory,
    DiagnosticBag diagnostics)
{
    /// <summary>Process trees deeper than this are not worth walking; it also bounds the cost per event.</summary>
    public const int MaxGenerations = 64;

    private readonly Dictionary<string, CompiledCondition<TEvent>> _compiledMacros = new(StringComparer.Ordinal);
    private readonly List<string> _macroStack = [];
    private readonly Dictionary<string, Regex?> _regexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldUse>> _macroFieldUses = new(StringComparer.Ordinal);
    private List<FieldUse> _fieldUses = [];

    public HashSet<string> UsedLists { get; } = new(StringComparer.Ordinal);

    public HashSet<string> UsedMacros { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiles a condition and appends every field it names, through macros too, to <paramref name="fieldUses"/>.</summary>
    public CompiledCondition<TEvent> Compile(LocatedText condition, List<FieldUse> fieldUses)
    {
        var outer = _fieldUses;
        _fieldUses = fieldUses;
        try
        {
            return Compile(condition);
        }
        finally
        {
            _fieldUses = outer;
        }
    }

    public CompiledCondition<TEvent> Compile(LocatedText condition)
    {
        ConditionNode node;
        try
        {
            node = ConditionParser.Parse(condition.Text);
        }
        catch (ConditionSyntaxException ex)
        {
            diagnostics.Error(DiagnosticCodes.SyntaxError, condition.Locate(ex.Offset), ex.Message);
            return CompiledCondition<TEvent>.Failed;
        }
        return Compile(node, condition);
    }

    /// <summary>Compiles every macro, used or not, so a broken macro is reported even before a rule uses it.</summary>
    public void CompileAllMacros()
    {
        foreach (var name in macros.Keys)
        {
            CompileMacro(name, macros[name].Location);
        }
    }

    private CompiledCondition<TEvent> Compile(ConditionNode node, LocatedText source) => node switch
    {
        AndNode and => And(Compile(and.Left, source), Compile(and.Right, source)),
        OrNode or => Or(Compile(or.Left, source), Compile(or.Right, source)),
        NotNode not => Not(Compile(not.Operand, source)),
        NameNode name => Name(name, source),
        ExistsNode exists => Exists(exists, source),
        AncestorNode ancestor => Ancestor(ancestor, source),
        ComparisonNode comparison => Comparison(comparison, source),
        _ => throw new InvalidOperationException($"Unknown condition node {node.GetType().Name}."),
    };

    private static CompiledCondition<TEvent> And(CompiledCondition<TEvent> left, CompiledCondition<TEvent> right)
    {
        if (left.Predicate is not { } l || right.Predicate is not { } r)
        {
            return CompiledCondition<TEvent>.Failed;
        }
        // Both sides must hold, so the event types are those both sides allow.
        var types = left.EventTypes is null ? right.EventTypes
            : right.EventTypes is null ? left.EventTypes
            : left.EventTypes.Intersect(right.EventTypes, StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);
        return new(e => l(e) && r(e), types);
    }

    private static CompiledCondition<TEvent> Or(CompiledCondition<TEvent> left, CompiledCondition<TEvent> right)
    {
        if (left.Predicate is not { } l || right.Predicate is not { } r)
        {
            return CompiledCondition<TEvent>.Failed;
        }
        var types = left.EventTypes is null || right.EventTypes is null ? null
            : left.EventTypes.Union(right.EventTypes, StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);
        return new(e => l(e) || r(e), types);
    }

    private static CompiledCondition<TEvent> Not(CompiledCondition<TEvent> operand) =>
        operand.Predicate is { } p ? new(e => !p(e), null) : CompiledCondition<TEvent>.Failed;

    private CompiledCondition<TEvent> Name(NameNode node, LocatedText source)
    {
        if (macros.ContainsKey(node.Name))
        {
            UsedMacros.Add(node.Name);
            return CompileMacro(node.Name, source.Locate(node.Offset));
        }
        if (catalogue.TryGet(node.Name, out var field))
        {
            if (field is BooleanField<TEvent> flag)
            {
                _fieldUses.Add(new FieldUse(node.Name, source.Locate(node.Offset), null));
                var get = flag.Get;
                return new(e => get(e) == true, null);
            }
            diagnostics.Error(DiagnosticCodes.TypeMismatch, source.Locate(node.Offset),
                $"field '{node.Name}' is {field.Type}, not a condition on its own: compare it or write '{node.Name} exists'");
            return CompiledCondition<TEvent>.Failed;
        }
        diagnostics.Error(DiagnosticCodes.UnknownMacro, source.Locate(node.Offset),
            $"'{node.Name}' is neither a macro nor a field (a comparison needs an operator)");
        return CompiledCondition<TEvent>.Failed;
    }

    private CompiledCondition<TEvent> CompileMacro(string name, SourceLocation reference)
    {
        if (_compiledMacros.TryGetValue(name, out var done))
        {
            _fieldUses.AddRange(_macroFieldUses[name]);
            return done;
        }
        var cycleStart = _macroStack.IndexOf(name);
        if (cycleStart >= 0)
        {
            var path = string.Join(" -> ", _macroStack.Skip(cycleStart).Append(name));
            diagnostics.Error(DiagnosticCodes.Cycle, reference, $"macro cycle: {path}");
            return CompiledCondition<TEvent>.Failed;
        }
        _macroStack.Add(name);
        var uses = new List<FieldUse>();
        var result = Compile(macros[name].Condition, uses);
        _macroStack.RemoveAt(_macroStack.Count - 1);
        _compiledMacros[name] = result;
        // Attributed to the innermost macro, which is where the field is written.
        _macroFieldUses[name] = [.. uses.Select(u => u.Macro is null ? u with { Macro = name } : u)];
        _fieldUses.AddRange(_macroFieldUses[name]);
        return result;
    }

    private CompiledCondition<TEvent> Exists(ExistsNode node, LocatedText source)
    {
        if (!TryField(node.Field, node.Offset, source, out var field))
        {
            return CompiledCondition<TEvent>.Failed;
        }
        return new(field.CompileExists(), null);
    }

    private CompiledCondition<TEvent> Ancestor(AncestorNode node, LocatedText source)
    {
        var ok = true;
        if (catalogue.Ancestors is not { } ancestors)
        {
            diagnostics.Error(DiagnosticCodes.BadAncestry, source.Locate(node.Offset),
                "ancestor(...) needs an ancestry accessor, and this field catalogue has none");
            ancestors = null;
            ok = false;
        }
        if (node.Generations is < 1 or > MaxGenerations)
        {
            diagnostics.Error(DiagnosticCodes.BadAncestry, source.Locate(node.GenerationsOffset),
                $"ancestor generations must be between 1 and {MaxGenerations}, not {node.Generations}");
            ok = false;
        }
        var inner = Compile(node.Inner, source);
        if (!ok || inner.Predicate is not { } predicate || ancestors is null)
        {
            return CompiledCondition<TEvent>.Failed;
        }
        var generations = node.Generations;
        return new(e =>
        {
            var chain = ancestors(e);
            if (chain is null)
            {
                return false;
            }
            var limit = Math.Min(generations, chain.Count);
            for (var i = 0; i < limit; i++)
            {
                if (predicate(chain[i]))
                {
                    return true;
                }
            }
            return false;
        }, null);
    }

    private bool TryField(string name, int offset, LocatedText source, out FieldDefinition<TEvent> field)
    {
        if (catalogue.TryGet(name, out field))
        {
            _fieldUses.Add(new FieldUse(name, source.Locate(offset), null));
            return true;
        }
        diagnostics.Error(DiagnosticCodes.UnknownField, source.Locate(offset), $"unknown field '{name}'");
        return false;
    }
}
