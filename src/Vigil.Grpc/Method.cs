using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Vigil.Grpc;

/// <summary>
/// One RPC of a service, typed by its messages. Methods are taken from the service descriptor that protoc
/// generated from the .proto file, so the .proto stays the one description of every service; a mismatch
/// between the C# types and the .proto fails at start, not on the wire.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private Method(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        FullName = $"/{descriptor.Service.FullName}/{descriptor.Name}";
        RequestParser = (MessageParser<TRequest>)descriptor.InputType.Parser;
        ResponseParser = (MessageParser<TResponse>)descriptor.OutputType.Parser;
    }

    public MethodDescriptor Descriptor { get; }

    public MethodType Type { get; }

    public string ServiceName => Descriptor.Service.FullName;

    public string Name => Descriptor.Name;

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    public static Method<TRequest, TResponse> FromDescriptor(ServiceDescriptor service, string name)
    {
        var method = service.FindMethodByName(name)
            ?? throw new ArgumentException($"Service {service.FullName} has no method {name}.", nameof(name));
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{service.FullName}.{name} takes {method.InputType.ClrType?.Name} and returns {method.OutputType.ClrType?.Name}, " +
                $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(name));
        }

        return new Method<TRequest, TResponse>(method);
    }

    public override string ToString() => FullName;
}
