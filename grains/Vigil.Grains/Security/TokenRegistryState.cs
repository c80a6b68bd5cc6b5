namespace Vigil.Grains.Security;

public sealed class TokenRegistryState
{
    /// <summary>Every token ever created, revoked ones included, so an id is never reused and the bootstrap runs once.</summary>
    public List<TokenRecord> Tokens { get; set; } = [];
}
