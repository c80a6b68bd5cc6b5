using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every registered <see cref="IGrpcService"/>: one POST endpoint per method path, and UNIMPLEMENTED for
    /// gRPC requests to any other <c>/Service/Method</c>.
    /// </summary>
    public static RouteGroupBuilder MapGrpcServices(this IEndpointRouteBuilder endpoints)
    {
        var provider = endpoints.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Grpc.Server");
        var binder = new GrpcServiceBinder(
            provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            logger);
        foreach (var service in provider.GetServices<IGrpcService>())
        {
            service.Bind(binder);
        }

        var group = endpoints.MapGroup(string.Empty);
        foreach (var (path, handler) in binder.Handlers)
        {
            group.MapPost(path, handler.HandleAsync);
        }

        group.MapPost("/{service}/{method}", (HttpContext http) => UnimplementedAsync(http, logger));
        return group;
    }

    private static Task UnimplementedAsync(HttpContext http, ILogger logger)
    {
        var response = http.Response;
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        GrpcServerLog.UnknownMethod(logger, http.Request.Path);
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.Status] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode($"Method {http.Request.Path} is not implemented.");
        return Task.CompletedTask;
    }
}
