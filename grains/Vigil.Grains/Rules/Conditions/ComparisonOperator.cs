namespace Vigil.Grains.Rules;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    Contains,
    IContains,
    StartsWith,
    EndsWith,
    Glob,
    PMatch,
    Regex,
    InCidr,
}
