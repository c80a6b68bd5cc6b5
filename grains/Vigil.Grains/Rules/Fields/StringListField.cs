namespace Vigil.Grains.Rules;

/// <summary>A list of strings (arguments, say); string operators on it mean "some element satisfies".</summary>
public sealed class StringListField<TEvent>(string name, Func<TEvent, IReadOnlyList<string>?> get)
    : FieldDefinition<TEvent>(name, FieldType.StringList)
{
    public Func<TEvent, IReadOnlyList<string>?> Get { get; } = get;

    internal override Func<TEvent, bool> CompileExists()
    {
        var get = Get;
        return e => get(e) is not null;
    }

    public override string? Format(TEvent value) => Get(value) is { } items ? string.Join(' ', items) : null;
}
