using Vigil.Grains.Security;
using Vigil.Runtime;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Security;

/// <summary>A token registry in a list, standing in for the grain and the factory that hands it out; counts reads.</summary>
public sealed class FakeTokenRegistry : ITokenRegistryGrain, IGrainFactory
{
    public List<TokenRecord> Tokens { get; } = [];

    public int Reads { get; private set; }

    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey =>
        key == ITokenRegistryGrain.Key && this is TGrain grain ? grain : throw new InvalidOperationException($"unexpected grain {typeof(TGrain).Name}/{key}");

    public Task<bool> BootstrapAsync(IReadOnlyList<TokenRecord> tokens) => throw new NotSupportedException();

    public Task<bool> AddAsync(TokenRecord token)
    {
        Tokens.Add(token);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<TokenRecord>> ListAsync()
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<TokenRecord>>([.. Tokens]);
    }

    public Task<TokenRevokeResult> RevokeAsync(string id)
    {
        var index = Tokens.FindIndex(t => t.Id == id);
        Tokens[index] = Tokens[index] with { RevokedAt = DateTimeOffset.UnixEpoch };
        return Task.FromResult(new TokenRevokeResult(TokenRevokeOutcome.Revoked, Tokens[index]));
    }

    /// <summary>Adds a token and returns its raw value.</summary>
    public string Add(string id, TokenRole role, string? cluster = null)
    {
        var token = BearerTokens.Create();
        Tokens.Add(new TokenRecord(id, id, role, cluster, BearerTokens.Hash(token), DateTimeOffset.UnixEpoch));
        return token;
    }
}
