using Microsoft.Extensions.Options;

namespace Vigil.Grpc.Server;

public sealed class GrpcServerOptionsValidator : IValidateOptions<GrpcServerOptions>
{
    public ValidateOptionsResult Validate(string? name, GrpcServerOptions options)
    {
        if (options.MaxReceiveMessageSize <= 0)
        {
            return ValidateOptionsResult.Fail($"MaxReceiveMessageSize must be positive (was {options.MaxReceiveMessageSize}).");
        }

        if (options.MaxSendMessageSize <= 0)
        {
            return ValidateOptionsResult.Fail($"MaxSendMessageSize must be positive (was {options.MaxSendMessageSize}).");
        }

        return ValidateOptionsResult.Success;
    }
}
