namespace Vigil.Silo.Security;

/// <summary>The body of every refusal: <c>{"error": "..."}</c>.</summary>
public sealed record ApiError(string Error);
