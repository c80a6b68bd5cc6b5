namespace Vigil.Grains.Identities;

/// <summary>What an identity grain tells the dashboard: who, since when, and what it has been seen doing.</summary>
public sealed record IdentityActivity(
    IdentityKind Kind,
    string Cluster,
    string Username,
    string Namespace,
    string Name,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool Learning,
    long Requests,
    long Denied,
    IReadOnlyDictionary<string, SeenValue> Operations,
    IReadOnlyDictionary<string, SeenValue> Namespaces,
    IReadOnlyDictionary<string, SeenValue> SourceIps,
    IReadOnlyDictionary<string, SeenValue> UserAgents);
