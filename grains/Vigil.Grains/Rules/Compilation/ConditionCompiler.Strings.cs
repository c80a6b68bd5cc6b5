using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Vigil.Grains.Rules;

internal sealed partial class ConditionCompiler<TEvent>
{
    private Func<TEvent, bool>? CompileString(
        StringField<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        var matcher = StringMatcher(field, node, values, source);
        if (matcher is null)
        {
            return null;
        }
        var get = field.Get;
        return e => get(e) is { } value && matcher(value);
    }

    /// <summary>On a list field, operators ask whether some element matches; <c>!=</c> asks that none equals.</summary>
    private Func<TEvent, bool>? CompileStringList(
        StringListField<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        var negate = node.Operator == ComparisonOperator.NotEqual;
        var matcher = negate
            ? EqualTo(values[0].Text)
            : StringMatcher(field, node, values, source);
        if (matcher is null)
        {
            return null;
        }
        var get = field.Get;
        return e =>
        {
            if (get(e) is not { } items)
            {
                return false;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (matcher(items[i]))
                {
                    return !negate;
                }
            }
            return negate;
        };
    }

    private static Func<string, bool> EqualTo(string expected) => value => string.Equals(value, expected, StringComparison.Ordinal);

    private Func<string, bool>? StringMatcher(
        FieldDefinition<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        var texts = values.Select(v => v.Text).ToArray();
        switch (node.Operator)
        {
            case ComparisonOperator.Equal:
                return EqualTo(texts[0]);
            case ComparisonOperator.NotEqual:
                var unexpected = texts[0];
                return value => !string.Equals(value, unexpected, StringComparison.Ordinal);
            case ComparisonOperator.In:
                return texts.ToFrozenSet(StringComparer.Ordinal).Contains;
            case ComparisonOperator.Contains:
                return Any(texts, static (value, part) => value.Contains(part, StringComparison.Ordinal));
            case ComparisonOperator.IContains:
                return Any(texts, static (value, part) => value.Contains(part, StringComparison.OrdinalIgnoreCase));
            case ComparisonOperator.StartsWith:
                return Any(texts, static (value, prefix) => value.StartsWith(prefix, StringComparison.Ordinal));
            case ComparisonOperator.EndsWith:
                return Any(texts, static (value, suffix) => value.EndsWith(suffix, StringComparison.Ordinal));
            case ComparisonOperator.PMatch:
                return Any(texts, static (path, directory) => IsUnder(path, directory));
            case ComparisonOperator.Glob:
                var globs = texts.Select(t => new GlobPattern(t)).ToArray();
                return value =>
                {
                    foreach (var glob in globs)
                    {
                        if (glob.IsMatch(value))
                        {
                            return true;
                        }
                    }
                    return false;
                };
            case ComparisonOperator.Regex:
                var regexes = values.Select(v => CompileRegex(v, source)).ToArray();
                if (Array.Exists(regexes, r => r is null))
                {
                    return null;
                }
                var compiled = regexes.Select(r => r!).ToArray();
                return value =>
                {
                    foreach (var regex in compiled)
                    {
                        if (regex.IsMatch(value))
                        {
                            return true;
                        }
                    }
                    return false;
                };
            default:
                Unsupported(field, node, source);
                return null;
        }
    }

    private static Func<string, bool> Any(string[] operands, Func<string, string, bool> test)
    {
        if (operands.Length == 1)
        {
            var only = operands[0];
            return value => test(value, only);
        }
        return value =>
        {
            foreach (var operand in operands)
            {
                if (test(value, operand))
                {
                    return true;
                }
            }
            return false;
        };
    }

    /// <summary>Path prefix on directory boundaries: <c>/etc</c> covers <c>/etc/shadow</c>, not <c>/etcd</c>.</summary>
    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory, StringComparison.Ordinal)
        && (path.Length == directory.Length || directory.EndsWith('/') || path[directory.Length] == '/');

    private Regex? CompileRegex(OperandValue pattern, LocatedText source)
    {
        if (_regexes.TryGetValue(pattern.Text, out var cached))
        {
            return cached;
        }
        Regex? regex;
        try
        {
            regex = regexFactory(pattern.Text);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            diagnostics.Error(DiagnosticCodes.BadRegex, source.Locate(pattern.Offset),
                $"invalid regular expression '{pattern.Text}': {ex.Message}");
            regex = null;
        }
        _regexes[pattern.Text] = regex;
        return regex;
    }
}
