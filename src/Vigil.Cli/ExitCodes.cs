namespace Vigil.Cli;

/// <summary>What CI scripts branch on: bad usage (2) is kept apart from a rule set that is wrong (1).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
