namespace Vigil.Grains.Rules;

public sealed class StringField<TEvent>(string name, Func<TEvent, string?> get)
    : FieldDefinition<TEvent>(name, FieldType.String)
{
    public Func<TEvent, string?> Get { get; } = get;

    internal override Func<TEvent, bool> CompileExists()
    {
        var get = Get;
        return e => get(e) is not null;
    }

    public override string? Format(TEvent value) => Get(value);
}
