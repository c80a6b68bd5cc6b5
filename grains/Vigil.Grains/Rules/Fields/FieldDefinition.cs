namespace Vigil.Grains.Rules;

/// <summary>
/// A named, typed view of one value of an event. Accessors return null when the event has no such value, which
/// is what <c>exists</c> tests and what makes every comparison on that field false.
/// </summary>
public abstract class FieldDefinition<TEvent>
{
    private protected FieldDefinition(string name, FieldType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public FieldType Type { get; }

    internal abstract Func<TEvent, bool> CompileExists();

    /// <summary>The value as an output template shows it; null when absent.</summary>
    public abstract string? Format(TEvent value);
}
