using System.Globalization;
using Google.Protobuf.Reflection;
using Vigil.Contracts.Events.V1;

namespace Vigil.Contracts.Tests;

/// <summary>
/// The contract as lines of text, one per field and enum value (full name, number, label and type), taken from
/// the compiled descriptors so that what is checked is what is on the wire, not what the .proto text looks like.
/// </summary>
public static class WireContract
{
    public static IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        foreach (var file in Files(BatchReflection.Descriptor).Where(f => f.Package == "vigil.events.v1"))
        {
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

    private static void Describe(EnumDescriptor enumeration, List<string> lines)
    {
        foreach (var value in enumeration.Values)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{enumeration.FullName}.{value.Name} = {value.Number}"));
        }
    }
}
