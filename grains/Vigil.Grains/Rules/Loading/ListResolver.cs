namespace Vigil.Grains.Rules;

/// <summary>The resolve stage for lists: duplicates reported, nested list names expanded, cycles reported.</summary>
internal sealed class ListResolver
{
    private readonly Dictionary<string, ListDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _resolved = new(StringComparer.Ordinal);
    private readonly List<string> _stack = [];
    private readonly DiagnosticBag _diagnostics;

    private ListResolver(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static Dictionary<string, string[]> Resolve(IEnumerable<ListDefinition> lists, DiagnosticBag diagnostics)
    {
        var resolver = new ListResolver(diagnostics);
        foreach (var list in lists)
        {
            if (!resolver._definitions.TryAdd(list.Name, list))
            {
                diagnostics.Error(DiagnosticCodes.Duplicate, list.Location,
                    $"list '{list.Name}' is already defined at {resolver._definitions[list.Name].Location}");
            }
        }
        foreach (var name in resolver._definitions.Keys)
        {
            resolver.ResolveList(name);
        }
        return resolver._resolved;
    }

    private string[] ResolveList(string name)
    {
        if (_resolved.TryGetValue(name, out var done))
        {
            return done;
        }
        _stack.Add(name);
        var items = new List<string>();
        foreach (var (item, location) in _definitions[name].Items)
        {
            if (!_definitions.ContainsKey(item))
            {
                items.Add(item);
            }
            else if (_stack.Contains(item))
            {
                var path = string.Join(" -> ", _stack.Skip(_stack.IndexOf(item)).Append(item));
                _diagnostics.Error(DiagnosticCodes.Cycle, location, $"list cycle: {path}");
            }
            else
            {
                items.AddRange(ResolveList(item));
            }
        }
        _stack.RemoveAt(_stack.Count - 1);
        return _resolved[name] = [.. items.Distinct(StringComparer.Ordinal)];
    }
}
