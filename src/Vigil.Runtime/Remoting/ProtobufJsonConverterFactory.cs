using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Vigil.Runtime.Remoting;

/// <summary>
/// Carries protobuf messages inside the JSON of a grain call as base64 of their binary form. Generated messages
/// keep repeated fields and oneofs behind read-only properties that System.Text.Json cannot fill, so without this a
/// batch of sensor events would reach a grain on another silo empty. The binary form is also the one the message
/// was defined for: unknown fields and exact values survive the trip.
/// </summary>
public sealed class ProtobufJsonConverterFactory : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, JsonConverter> Converters = new();

    public override bool CanConvert(Type typeToConvert) => typeof(IMessage).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.GetOrAdd(typeToConvert, static type =>
        {
            var parser = type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
                ?? throw new NotSupportedException($"{type} has no static Parser; only generated protobuf messages can cross silos.");
            return (JsonConverter)Activator.CreateInstance(typeof(MessageConverter<>).MakeGenericType(type), parser)!;
        });

    private sealed class MessageConverter<T>(MessageParser parser) : JsonConverter<T>
        where T : class, IMessage
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a base64 string for {typeof(T).Name}, found {reader.TokenType}.");
            }
            return (T)parser.ParseFrom(reader.GetBytesFromBase64());
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteBase64StringValue(value.ToByteArray());
    }
}
