namespace Vigil.Grains.Rules;

/// <summary>The value types a condition can compare; each admits its own set of operators.</summary>
public enum FieldType
{
    String,
    StringList,
    Integer,
    IpAddress,
    Boolean,
}
