namespace Vigil.Runtime.Clustering;

public enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
    Dead,
}
