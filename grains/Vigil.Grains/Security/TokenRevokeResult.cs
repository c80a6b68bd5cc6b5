namespace Vigil.Grains.Security;

/// <summary>How a revocation went, and the token as it stands after it (null when unknown).</summary>
public sealed record TokenRevokeResult(TokenRevokeOutcome Outcome, TokenRecord? Token);
