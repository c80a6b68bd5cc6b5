namespace Vigil.Grains.Rules;

/// <summary>A lexeme; <see cref="Text"/> of a quoted string holds the unescaped value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset);
