using Vigil.Grains.Security;
using Vigil.Runtime.Hosting;

namespace Vigil.Silo.Security;

public static class TokenSecurityExtensions
{
    /// <summary>The token registry grain, the <see cref="TokenAuthenticator"/>, and the first start's credentials.</summary>
    public static GrainRuntimeBuilder AddTokenSecurity(this GrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TokenAuthenticator>();
        builder.Services.AddSingleton<TokenBootstrap>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TokenBootstrap>());
        return builder.AddGrain<ITokenRegistryGrain, TokenRegistryGrain>();
    }
}
