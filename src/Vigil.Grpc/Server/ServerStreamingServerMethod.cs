namespace Vigil.Grpc.Server;

public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(
    TRequest request, IAsyncStreamWriter<TResponse> responseStream, ServerCallContext context);
