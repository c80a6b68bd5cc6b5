namespace Vigil.Grains.Rules;

/// <summary>
/// The codes are part of the engine's contract (CI scripts and editors match on them): never reuse a number
/// for a different meaning. grains/Vigil.Grains/Rules/README.md describes each one.
/// </summary>
public static class DiagnosticCodes
{
    public const string UnknownField = "VR001";
    public const string TypeMismatch = "VR002";
    public const string UnknownMacro = "VR003";
    public const string Duplicate = "VR004";
    public const string BadRegex = "VR005";
    public const string Cycle = "VR006";
    public const string SyntaxError = "VR007";
    public const string BadAddress = "VR008";
    public const string BadYaml = "VR009";
    public const string MissingOrInvalidKey = "VR010";
    public const string UnknownKey = "VR011";
    public const string BadMitreId = "VR012";
    public const string BadAncestry = "VR013";
    public const string UnreadableFile = "VR014";
    public const string Unused = "VR015";
    public const string WrongSourceField = "VR016";
}
