using System.Text;

namespace Vigil.Grains.Rules;

/// <summary>
/// A message with <c>%field</c> placeholders, split into literal and field parts at load time. <c>%%</c> is a
/// literal percent sign; a placeholder ends at the first character that cannot be in a field name, and a trailing
/// dot ends a sentence rather than the name. Absent values render as <c>&lt;NA&gt;</c>.
/// </summary>
public sealed class OutputTemplate<TEvent>
{
    public const string NotAvailable = "<NA>";

    private readonly (string? Literal, FieldDefinition<TEvent>? Field)[] _parts;

    private OutputTemplate(string text, (string?, FieldDefinition<TEvent>?)[] parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public IEnumerable<string> FieldNames => _parts.Where(p => p.Field is not null).Select(p => p.Field!.Name);

    public string Render(TEvent value)
    {
        var builder = new StringBuilder(Text.Length + 32);
        foreach (var (literal, field) in _parts)
        {
            builder.Append(literal ?? field!.Format(value) ?? NotAvailable);
        }
        return builder.ToString();
    }

    internal static OutputTemplate<TEvent>? Compile(
        string text, FieldCatalogue<TEvent> catalogue, Func<int, SourceLocation> locate, DiagnosticBag diagnostics,
        List<FieldUse>? fieldUses = null)
    {
        var parts = new List<(string?, FieldDefinition<TEvent>?)>();
        var literal = new StringBuilder();
        var ok = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                literal.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '%')
            {
                literal.Append('%');
                i++;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_' or '[' or ']'))
            {
                end++;
            }
            while (end > i + 1 && text[end - 1] == '.')
            {
                end--;
            }
            var name = text[(i + 1)..end];
            if (name.Length == 0)
            {
                literal.Append('%');
                continue;
            }
            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), null));
                literal.Clear();
            }
            if (catalogue.TryGet(name, out var field))
            {
                parts.Add((null, field));
                fieldUses?.Add(new FieldUse(name, locate(i), null));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, locate(i), $"output names unknown field '%{name}'");
                ok = false;
            }
            i = end - 1;
        }
        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null));
        }
        return ok ? new OutputTemplate<TEvent>(text, [.. parts]) : null;
    }
}
