using Vigil.Silo.Security;

namespace Vigil.Silo.OpenApi;

public static class ApiErrorResponses
{
    /// <summary>Documents refusals with these status codes, each with the <c>{"error": "..."}</c> body of <see cref="ApiError"/>.</summary>
    public static RouteHandlerBuilder ProducesApiError(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiError>(status);
        }
        return builder;
    }
}
