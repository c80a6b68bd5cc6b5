using Vigil.Grains.Security;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Security;

public sealed class TokenAuthenticatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTokenRegistry _registry = new();
    private readonly SteppedClock _clock = new();
    private readonly TokenAuthenticator _authenticator;

    public TokenAuthenticatorTests() => _authenticator = new TokenAuthenticator(_registry, _clock);

    [Fact]
    public async Task A_known_token_gives_its_principal_and_the_scheme_is_case_insensitive()
    {
        var token = _registry.Add("tok_a", TokenRole.Ingest, "prod");

        var principal = await _authenticator.AuthenticateAsync("bearer " + token, Ct);

        Assert.Equal(new TokenPrincipal("tok_a", "tok_a", TokenRole.Ingest, "prod"), principal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_missing_or_malformed_header_is_refused_without_reading_the_registry(string? header)
    {
        _registry.Add("tok_a", TokenRole.Admin);

        Assert.Null(await _authenticator.AuthenticateAsync(header, Ct));
        Assert.Equal(0, _registry.Reads);
    }

    [Fact]
    public async Task A_token_longer_than_any_of_ours_is_refused_before_hashing()
    {
        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + new string('a', BearerTokens.MaxLength + 1), Ct));
        Assert.Equal(0, _registry.Reads);
    }

    [Fact]
    public async Task A_flood_of_unknown_tokens_reads_the_registry_at_most_once_per_miss_interval()
    {
        _registry.Add("tok_a", TokenRole.Admin);

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + BearerTokens.Create(), Ct));
        }
        Assert.Equal(1, _registry.Reads);

        _clock.Advance(TokenAuthenticator.MissRefreshInterval);
        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + BearerTokens.Create(), Ct));
        Assert.Equal(2, _registry.Reads);
    }

    [Fact]
    public async Task A_token_created_on_another_silo_is_found_on_a_miss_once_the_miss_interval_passed()
    {
        _registry.Add("tok_a", TokenRole.Admin);
        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + BearerTokens.Create(), Ct));
        var created = _registry.Add("tok_b", TokenRole.Viewer);

        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + created, Ct));
        _clock.Advance(TokenAuthenticator.MissRefreshInterval);
        Assert.Equal("tok_b", (await _authenticator.AuthenticateAsync("Bearer " + created, Ct))?.TokenId);
    }

    [Fact]
    public async Task A_token_revoked_on_another_silo_stops_working_within_the_refresh_interval()
    {
        var token = _registry.Add("tok_a", TokenRole.Admin);
        Assert.NotNull(await _authenticator.AuthenticateAsync("Bearer " + token, Ct));
        await _registry.RevokeAsync("tok_a");

        _clock.Advance(TokenAuthenticator.RefreshInterval - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await _authenticator.AuthenticateAsync("Bearer " + token, Ct));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + token, Ct));
    }

    [Fact]
    public async Task A_revocation_on_this_silo_takes_effect_at_once()
    {
        var token = _registry.Add("tok_a", TokenRole.Admin);
        Assert.NotNull(await _authenticator.AuthenticateAsync("Bearer " + token, Ct));

        await _registry.RevokeAsync("tok_a");
        _authenticator.Invalidate();

        Assert.Null(await _authenticator.AuthenticateAsync("Bearer " + token, Ct));
    }

    [Theory]
    [InlineData(TokenRole.Admin, null, TokenRole.Admin, null, true)]
    [InlineData(TokenRole.Admin, null, TokenRole.Ingest, "prod", true)]
    [InlineData(TokenRole.Admin, null, TokenRole.Viewer, null, true)]
    [InlineData(TokenRole.Viewer, null, TokenRole.Viewer, "prod", true)]
    [InlineData(TokenRole.Viewer, null, TokenRole.Ingest, "prod", false)]
    [InlineData(TokenRole.Viewer, null, TokenRole.Admin, null, false)]
    [InlineData(TokenRole.Ingest, null, TokenRole.Viewer, null, false)]
    [InlineData(TokenRole.Ingest, "prod", TokenRole.Ingest, "prod", true)]
    [InlineData(TokenRole.Ingest, "prod", TokenRole.Ingest, "staging", false)]
    [InlineData(TokenRole.Ingest, "prod", TokenRole.Ingest, "Prod", false)]
    [InlineData(TokenRole.Ingest, "prod", TokenRole.Ingest, null, false)]
    [InlineData(TokenRole.Admin, "prod", TokenRole.Admin, "prod", true)]
    [InlineData(TokenRole.Admin, "prod", TokenRole.Admin, null, false)]
    public void Allows_checks_the_role_and_the_cluster_scope(TokenRole role, string? scope, TokenRole required, string? cluster, bool allowed) =>
        Assert.Equal(allowed, TokenAuthenticator.Allows(new TokenPrincipal("tok_a", "a", role, scope), required, cluster));
}
