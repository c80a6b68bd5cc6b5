using System.Collections.Concurrent;
using System.Text.Json;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// Requests and results as JSON for the trip between silos. Only generated request classes (nested in a generated
/// grain reference) are ever instantiated from a name, so a peer cannot make this silo build arbitrary types.
/// </summary>
public static class GrainCallCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        IgnoreReadOnlyProperties = true,
        Converters = { new ProtobufJsonConverterFactory() },
    };
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static string TypeName(GrainRequest request)
    {
        var type = request.GetType();
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    public static byte[] Encode(GrainRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), Options);

    public static GrainRequest Decode(string typeName, ReadOnlySpan<byte> arguments)
    {
        var type = Types.GetOrAdd(typeName, static name =>
        {
            var resolved = Type.GetType(name, throwOnError: false)
                ?? throw new InvalidOperationException($"Unknown grain request type '{name}'.");
            if (!typeof(GrainRequest).IsAssignableFrom(resolved) || resolved.DeclaringType?.IsSubclassOf(typeof(GrainReference)) != true)
            {
                throw new InvalidOperationException($"'{name}' is not a generated grain request.");
            }

            return resolved;
        });
        return (GrainRequest)(JsonSerializer.Deserialize(arguments, type, Options)
            ?? throw new InvalidOperationException($"Empty arguments for {typeName}."));
    }

    public static byte[] EncodeResult(object? value, Type resultType) =>
        resultType == typeof(GrainVoid) ? [] : JsonSerializer.SerializeToUtf8Bytes(value, resultType, Options);

    public static TResult DecodeResult<TResult>(ReadOnlySpan<byte> value) =>
        typeof(TResult) == typeof(GrainVoid) ? default! : JsonSerializer.Deserialize<TResult>(value, Options)!;
}
