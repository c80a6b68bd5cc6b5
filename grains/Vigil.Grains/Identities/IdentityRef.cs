using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Identities;

/// <summary>
/// The identity an audit event is filed under: its authenticated user, not the impersonated one. An impersonated
/// request is made with the impersonator's credentials, so its behaviour (and a stolen token) belongs to them; the
/// identity acted as is kept in the evidence.
/// </summary>
public sealed record IdentityRef(IdentityKind Kind, string Cluster, string Username, string Namespace, string Name)
{
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>Service accounts are <c>cluster/namespace/name</c>, other users <c>cluster/username</c>.</summary>
    public string Key => Kind == IdentityKind.ServiceAccount ? $"{Cluster}/{Namespace}/{Name}" : $"{Cluster}/{Username}";

    /// <summary><c>namespace/name</c> of a service account, empty for a user.</summary>
    public string ServiceAccount => Kind == IdentityKind.ServiceAccount ? $"{Namespace}/{Name}" : "";

    public static IdentityRef Of(string cluster, AuditEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var username = value.User?.Username ?? "";
        return Parse(cluster.Length > 0 ? cluster : value.Cluster, username);
    }

    public static IdentityRef Parse(string cluster, string username)
    {
        if (username.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal))
        {
            var rest = username.AsSpan(ServiceAccountPrefix.Length);
            var colon = rest.IndexOf(':');
            if (colon > 0 && colon < rest.Length - 1 && rest[(colon + 1)..].IndexOf(':') < 0)
            {
                return new IdentityRef(IdentityKind.ServiceAccount, cluster, username, rest[..colon].ToString(), rest[(colon + 1)..].ToString());
            }
        }
        // An empty name still needs a home: the records of a log whose user was stripped are judged all the same.
        return new IdentityRef(IdentityKind.User, cluster, username.Length > 0 ? username : "(unknown)", "", "");
    }
}
