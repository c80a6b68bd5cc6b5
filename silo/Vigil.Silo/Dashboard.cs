using Microsoft.Net.Http.Headers;

namespace Vigil.Silo;

/// <summary>
/// The dashboard at <c>/</c>: static files from <c>wwwroot</c> beside the binary, every asset local. The page holds
/// no data of its own; it signs in with a token and reads the API, so it needs no token to load. Files are served
/// before routing: the gRPC service's <c>/{service}/{method}</c> route would otherwise claim every two-segment path.
/// </summary>
public static class Dashboard
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // A silo upgrade must not leave a browser running the previous dashboard against the new API.
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                // Nothing but this silo: no CDN, no inline script, no framing by another site.
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        app.UseRouting();
    }
}
