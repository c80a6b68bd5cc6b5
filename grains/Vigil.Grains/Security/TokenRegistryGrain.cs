using Vigil.Runtime;

namespace Vigil.Grains.Security;

public sealed class TokenRegistryGrain : Grain<TokenRegistryState>, ITokenRegistryGrain
{
    /// <summary>Far more than a deployment needs; keeps the state, written whole on every change, small.</summary>
    public const int MaxTokens = 10_000;

    public async Task<bool> BootstrapAsync(IReadOnlyList<TokenRecord> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (State.Tokens.Count > 0 || tokens.Count == 0)
        {
            return false;
        }

        State.Tokens.AddRange(tokens);
        await WriteStateAsync();
        return true;
    }

    public async Task<bool> AddAsync(TokenRecord token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (State.Tokens.Count >= MaxTokens
            || State.Tokens.Any(t => t.Id == token.Id || t.Hash.AsSpan().SequenceEqual(token.Hash)))
        {
            return false;
        }

        State.Tokens.Add(token);
        await WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<TokenRecord>> ListAsync() => Task.FromResult<IReadOnlyList<TokenRecord>>([.. State.Tokens]);

    public async Task<TokenRevokeResult> RevokeAsync(string id)
    {
        var index = State.Tokens.FindIndex(t => t.Id == id);
        if (index < 0)
        {
            return new TokenRevokeResult(TokenRevokeOutcome.Unknown, null);
        }

        var token = State.Tokens[index];
        if (!token.IsActive)
        {
            return new TokenRevokeResult(TokenRevokeOutcome.AlreadyRevoked, token);
        }

        if (IsManager(token) && !State.Tokens.Any(t => t.Id != id && IsManager(t)))
        {
            return new TokenRevokeResult(TokenRevokeOutcome.LastAdmin, token);
        }

        var revoked = token with { RevokedAt = TimeProvider.GetUtcNow() };
        State.Tokens[index] = revoked;
        await WriteStateAsync();
        return new TokenRevokeResult(TokenRevokeOutcome.Revoked, revoked);
    }

    /// <summary>Only an active admin token for every cluster can manage tokens.</summary>
    private static bool IsManager(TokenRecord token) => token.IsActive && token.Role == TokenRole.Admin && token.Cluster is null;
}
