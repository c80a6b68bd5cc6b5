namespace Vigil.Grains.Identities;

/// <summary>Who an audit event's authenticated user is: a Kubernetes service account, or anyone else.</summary>
public enum IdentityKind
{
    User,
    ServiceAccount,
}
