using System.Text;

namespace Vigil.Grains.Rules;

/// <summary>
/// Splits a condition into tokens. A bare word runs until whitespace, a parenthesis, a comma, a quote or a
/// comparison sign, so paths, globs, addresses and CIDRs (<c>/etc/*</c>, <c>10.0.0.0/8</c>, <c>fe80::/10</c>)
/// need no quotes.
/// </summary>
internal static class ConditionLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.OpenParen, "(", i++));
                    break;
                case ')':
                    tokens.Add(new Token(TokenKind.CloseParen, ")", i++));
                    break;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", i++));
                    break;
                case '=':
                    tokens.Add(new Token(TokenKind.Equal, "=", i++));
                    break;
                case '!':
                    if (i + 1 >= text.Length || text[i + 1] != '=')
                    {
                        throw new ConditionSyntaxException(i, "'!' must be followed by '=' (use 'not' for negation)");
                    }
                    tokens.Add(new Token(TokenKind.NotEqual, "!=", i));
                    i += 2;
                    break;
                case '<' or '>':
                    var orEqual = i + 1 < text.Length && text[i + 1] == '=';
                    var kind = (c, orEqual) switch
                    {
                        ('<', false) => TokenKind.Less,
                        ('<', true) => TokenKind.LessOrEqual,
                        (_, false) => TokenKind.Greater,
                        _ => TokenKind.GreaterOrEqual,
                    };
                    i += orEqual ? 2 : 1;
                    tokens.Add(new Token(kind, text[start..i], start));
                    break;
                case '"' or '\'':
                    tokens.Add(new Token(TokenKind.QuotedString, ReadQuoted(text, ref i), start));
                    break;
                default:
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.Word, text[start..i], start));
                    break;
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or ',' or '=' or '!' or '<' or '>' or '"' or '\'');

    private static string ReadQuoted(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
            {
                return value.ToString();
            }
            if (c == '\\' && i < text.Length)
            {
                // Only the quote and the backslash are escapes, so regexes keep their own backslashes.
                var next = text[i];
                if (next == quote || next == '\\')
                {
                    value.Append(next);
                    i++;
                    continue;
                }
            }
            value.Append(c);
        }
        throw new ConditionSyntaxException(start, "unterminated quoted string");
    }
}
