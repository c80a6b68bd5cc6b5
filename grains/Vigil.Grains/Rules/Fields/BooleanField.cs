namespace Vigil.Grains.Rules;

public sealed class BooleanField<TEvent>(string name, Func<TEvent, bool?> get)
    : FieldDefinition<TEvent>(name, FieldType.Boolean)
{
    public Func<TEvent, bool?> Get { get; } = get;

    internal override Func<TEvent, bool> CompileExists()
    {
        var get = Get;
        return e => get(e).HasValue;
    }

    public override string? Format(TEvent value) => Get(value) switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
