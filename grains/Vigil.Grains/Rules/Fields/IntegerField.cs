using System.Globalization;

namespace Vigil.Grains.Rules;

public sealed class IntegerField<TEvent>(string name, Func<TEvent, long?> get)
    : FieldDefinition<TEvent>(name, FieldType.Integer)
{
    public Func<TEvent, long?> Get { get; } = get;

    internal override Func<TEvent, bool> CompileExists()
    {
        var get = Get;
        return e => get(e).HasValue;
    }

    public override string? Format(TEvent value) => Get(value)?.ToString(CultureInfo.InvariantCulture);
}
