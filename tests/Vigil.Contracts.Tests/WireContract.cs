using System.Globalization;
using Google.Protobuf.Reflection;
using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;

namespace Vigil.Contracts.Tests;

/// <summary>
/// The contract as lines of text, one per field, enum value and service method (full name, number or path, label
/// and type), taken from the compiled descriptors so that what is checked is what is on the wire, not what the
/// .proto text looks like. It covers the event model (<c>vigil.events.v1</c>) and the services (<c>vigil.v1</c>).
/// </summary>
public static class WireContract
{
    public static IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        var files = Files(BatchReflection.Descriptor).Concat(Files(SensorIngestReflection.Descriptor))
            .DistinctBy(f => f.Name)
            .Where(f => f.Package is "vigil.events.v1" or "vigil.v1");
        foreach (var file in files)
        {
            foreach (var service in file.Services)
            {
                Describe(service, lines);
            }
            foreach (var message in file.MessageTypes)
            {
                Describe(message, lines);
            }
            foreach (var enumeration in file.EnumTypes)
            {
                Describe(enumeration, lines);
            }
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<FileDescriptor> Files(FileDescriptor root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>([root]);
        while (pending.TryPop(out var file))
        {
            if (seen.Add(file.Name))
            {
                yield return file;
                foreach (var dependency in file.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }
    }

    private static void Describe(MessageDescriptor message, List<string> lines)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var label = field.IsMap ? "map" : field.IsRepeated ? "repeated" : field.RealContainingOneof is { } oneof ? $"oneof {oneof.Name}" : "single";
            var type = field.FieldType switch
            {
                FieldType.Message when !field.IsMap => field.MessageType.FullName,
                FieldType.Message => $"{field.MessageType.Fields.InFieldNumberOrder()[0].FieldType}->{Type(field.MessageType.Fields.InFieldNumberOrder()[1])}",
                FieldType.Enum => field.EnumType.FullName,
                _ => field.FieldType.ToString(),
            };
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{message.FullName}.{field.Name} = {field.FieldNumber} {label} {type}"));
        }
        foreach (var nested in message.NestedTypes.Where(n => !n.GetOptions()?.MapEntry ?? true))
        {
            Describe(nested, lines);
        }
    }

    private static string Type(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message => field.MessageType.FullName,
        FieldType.Enum => field.EnumType.FullName,
        _ => field.FieldType.ToString(),
    };

    private static void Describe(ServiceDescriptor service, List<string> lines)
    {
        foreach (var method in service.Methods)
        {
            var input = (method.IsClientStreaming ? "stream " : "") + method.InputType.FullName;
            var output = (method.IsServerStreaming ? "stream " : "") + method.OutputType.FullName;
            lines.Add($"{service.FullName}.{method.Name} rpc {input} -> {output}");
        }
    }

    private static void Describe(EnumDescriptor enumeration, List<string> lines)
    {
        foreach (var value in enumeration.Values)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{enumeration.FullName}.{value.Name} = {value.Number}"));
        }
    }
}
