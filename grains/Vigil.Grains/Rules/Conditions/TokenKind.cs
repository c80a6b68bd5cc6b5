namespace Vigil.Grains.Rules;

internal enum TokenKind
{
    Word,
    QuotedString,
    OpenParen,
    CloseParen,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    End,
}
