using System.Net;

namespace Vigil.Grains.Rules;

public sealed class IpAddressField<TEvent>(string name, Func<TEvent, IPAddress?> get)
    : FieldDefinition<TEvent>(name, FieldType.IpAddress)
{
    public Func<TEvent, IPAddress?> Get { get; } = get;

    internal override Func<TEvent, bool> CompileExists()
    {
        var get = Get;
        return e => get(e) is not null;
    }

    public override string? Format(TEvent value) => Get(value)?.ToString();
}
