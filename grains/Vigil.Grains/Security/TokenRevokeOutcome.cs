namespace Vigil.Grains.Security;

public enum TokenRevokeOutcome
{
    Revoked,

    /// <summary>Revoked before; nothing changed.</summary>
    AlreadyRevoked,

    Unknown,

    /// <summary>Refused: it is the last active admin token for every cluster, and no one could manage tokens after it.</summary>
    LastAdmin,
}
