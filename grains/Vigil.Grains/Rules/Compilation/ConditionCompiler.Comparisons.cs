using System.Collections.Frozen;

namespace Vigil.Grains.Rules;

internal sealed partial class ConditionCompiler<TEvent>
{
    private CompiledCondition<TEvent> Comparison(ComparisonNode node, LocatedText source)
    {
        if (!TryField(node.Field, node.FieldOffset, source, out var field))
        {
            return CompiledCondition<TEvent>.Failed;
        }
        var values = Expand(node.Values);
        if (IsSingleValued(node.Operator) && (node.Parenthesized || values.Count != 1))
        {
            diagnostics.Error(DiagnosticCodes.TypeMismatch, source.Locate(node.OperatorOffset),
                $"'{OperatorText(node.Operator)}' takes exactly one value; use 'in' to compare against a list");
            return CompiledCondition<TEvent>.Failed;
        }
        var predicate = field switch
        {
            StringField<TEvent> text => CompileString(text, node, values, source),
            StringListField<TEvent> list => CompileStringList(list, node, values, source),
            IntegerField<TEvent> integer => CompileInteger(integer, node, values, source),
            IpAddressField<TEvent> address => CompileAddress(address, node, values, source),
            BooleanField<TEvent> flag => CompileBoolean(flag, node, values, source),
            _ => null,
        };
        if (predicate is null)
        {
            return CompiledCondition<TEvent>.Failed;
        }
        // Only a string event-type field can be read by the index, so only such a field pins a rule.
        var pinsType = field is StringField<TEvent> && field.Name == catalogue.EventTypeField
            && node.Operator is ComparisonOperator.Equal or ComparisonOperator.In;
        return new(predicate, pinsType ? values.Select(v => v.Text).ToFrozenSet(StringComparer.Ordinal) : null);
    }

    /// <summary>An unquoted word that names a list stands for the list's items; quoting keeps it literal.</summary>
    private List<OperandValue> Expand(IReadOnlyList<OperandValue> values)
    {
        var expanded = new List<OperandValue>(values.Count);
        foreach (var value in values)
        {
            if (!value.Quoted && lists.TryGetValue(value.Text, out var items))
            {
                UsedLists.Add(value.Text);
                expanded.AddRange(items.Select(item => new OperandValue(item, true, value.Offset)));
            }
            else
            {
                expanded.Add(value);
            }
        }
        return expanded;
    }

    private static bool IsSingleValued(ComparisonOperator op) => op is ComparisonOperator.Equal
        or ComparisonOperator.NotEqual or ComparisonOperator.Less or ComparisonOperator.LessOrEqual
        or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual;

    private Func<TEvent, bool>? Unsupported(FieldDefinition<TEvent> field, ComparisonNode node, LocatedText source)
    {
        diagnostics.Error(DiagnosticCodes.TypeMismatch, source.Locate(node.OperatorOffset),
            $"'{OperatorText(node.Operator)}' does not apply to '{field.Name}', which is {field.Type}");
        return null;
    }

    internal static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.InCidr => "in_cidr",
        _ => op.ToString().ToLowerInvariant(),
    };
}
