using Vigil.Runtime;

namespace Vigil.Grains.Security;

/// <summary>
/// The deployment's bearer tokens, as grain state (so they live wherever grain state lives: SQLite or PostgreSQL),
/// under the one key <see cref="Key"/>. Callers make the token and send only its hash: raw tokens never reach
/// storage or another silo.
/// </summary>
[GrainType("vigil.tokens")]
public interface ITokenRegistryGrain : IGrainWithStringKey
{
    const string Key = "tokens";

    /// <summary>
    /// Stores <paramref name="tokens"/> only when the registry has never held a token, and says whether it did. The
    /// registry's single activation makes this safe when several silos start at once: exactly one caller gets true.
    /// </summary>
    Task<bool> BootstrapAsync(IReadOnlyList<TokenRecord> tokens);

    /// <summary>Adds a token; false (and nothing stored) when its id or hash is already taken.</summary>
    Task<bool> AddAsync(TokenRecord token);

    /// <summary>Every token, revoked ones included.</summary>
    Task<IReadOnlyList<TokenRecord>> ListAsync();

    Task<TokenRevokeResult> RevokeAsync(string id);
}
