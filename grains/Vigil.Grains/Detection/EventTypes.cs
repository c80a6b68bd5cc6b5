using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Detection;

/// <summary>The values of <c>evt.type</c>: short verbs, one per runtime event kind and file operation.</summary>
public static class EventTypes
{
    public const string Exec = "exec";
    public const string Exit = "exit";
    public const string Open = "open";
    public const string Create = "create";
    public const string Write = "write";
    public const string Chmod = "chmod";
    public const string Connect = "connect";
    public const string Dns = "dns";

    public static string? Of(RuntimeEvent value) => value.KindCase switch
    {
        RuntimeEvent.KindOneofCase.Exec => Exec,
        RuntimeEvent.KindOneofCase.Exit => Exit,
        RuntimeEvent.KindOneofCase.Connect => Connect,
        RuntimeEvent.KindOneofCase.Dns => Dns,
        RuntimeEvent.KindOneofCase.File => value.File.Operation switch
        {
            FileOperation.Open => Open,
            FileOperation.Create => Create,
            FileOperation.Write => Write,
            FileOperation.Chmod => Chmod,
            _ => null,
        },
        _ => null,
    };
}
