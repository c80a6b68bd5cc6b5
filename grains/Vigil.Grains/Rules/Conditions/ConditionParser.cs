using System.Globalization;

namespace Vigil.Grains.Rules;

/// <summary>
/// Recursive descent with the usual precedence: <c>not</c> binds tighter than <c>and</c>, which binds tighter
/// than <c>or</c>; parentheses group.
/// </summary>
internal sealed class ConditionParser
{
    /// <summary>Deep enough for any real rule, shallow enough that a hostile file cannot overflow the stack.</summary>
    private const int MaxDepth = 200;

    private static readonly Dictionary<string, ComparisonOperator> WordOperators = new(StringComparer.Ordinal)
    {
        ["in"] = ComparisonOperator.In,
        ["contains"] = ComparisonOperator.Contains,
        ["icontains"] = ComparisonOperator.IContains,
        ["startswith"] = ComparisonOperator.StartsWith,
        ["endswith"] = ComparisonOperator.EndsWith,
        ["glob"] = ComparisonOperator.Glob,
        ["pmatch"] = ComparisonOperator.PMatch,
        ["regex"] = ComparisonOperator.Regex,
        ["in_cidr"] = ComparisonOperator.InCidr,
    };

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private ConditionParser(List<Token> tokens) => _tokens = tokens;

    /// <exception cref="ConditionSyntaxException">The text is not a condition.</exception>
    public static ConditionNode Parse(string text)
    {
        var parser = new ConditionParser(ConditionLexer.Tokenize(text));
        var node = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind != TokenKind.End)
        {
            throw new ConditionSyntaxException(rest.Offset, $"unexpected '{rest.Text}' (expected 'and', 'or' or the end)");
        }
        return node;
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private bool IsKeyword(string keyword) => Peek.Kind == TokenKind.Word && Peek.Text == keyword;

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            Next();
            left = new OrNode(left, ParseAnd());
        }
        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("and"))
        {
            Next();
            left = new AndNode(left, ParseUnary());
        }
        return left;
    }

    private ConditionNode ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionSyntaxException(Peek.Offset, $"condition nests deeper than {MaxDepth} levels");
        }
        try
        {
            if (IsKeyword("not"))
            {
                var not = Next();
                return new NotNode(ParseUnary(), not.Offset);
            }
            return ParsePrimary();
        }
        finally
        {
            _depth--;
        }
    }

    private ConditionNode ParsePrimary()
    {
        var token = Next();
        if (token.Kind == TokenKind.OpenParen)
        {
            var inner = ParseOr();
            Expect(TokenKind.CloseParen, "')'");
            return inner;
        }
        if (token.Kind != TokenKind.Word || token.Text is "and" or "or")
        {
            throw new ConditionSyntaxException(token.Offset, token.Kind == TokenKind.End
                ? "condition ends where a field, macro or '(' was expected"
                : $"unexpected '{token.Text}' (expected a field, macro or '(')");
        }
        if (token.Text == "ancestor" && Peek.Kind == TokenKind.OpenParen)
        {
            return ParseAncestor(token);
        }
        if (IsKeyword("exists"))
        {
            Next();
            return new ExistsNode(token.Text, token.Offset);
        }
        if (TryOperator(out var op, out var opOffset))
        {
            var (values, parenthesized) = ParseOperand();
            return new ComparisonNode(token.Text, token.Offset, op, opOffset, values, parenthesized);
        }
        return new NameNode(token.Text, token.Offset);
    }

    private AncestorNode ParseAncestor(Token keyword)
    {
        Next();
        var count = Next();
        if (count.Kind != TokenKind.Word
            || !int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var generations))
        {
            throw new ConditionSyntaxException(count.Offset, "ancestor( must start with a whole number of generations");
        }
        Expect(TokenKind.Comma, "',' after the number of generations");
        var inner = ParseOr();
        Expect(TokenKind.CloseParen, "')' closing ancestor(");
        return new AncestorNode(generations, count.Offset, inner, keyword.Offset);
    }

    private bool TryOperator(out ComparisonOperator op, out int offset)
    {
        var token = Peek;
        offset = token.Offset;
        op = token.Kind switch
        {
            TokenKind.Equal => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            TokenKind.Word when WordOperators.TryGetValue(token.Text, out var word) => word,
            _ => (ComparisonOperator)(-1),
        };
        if (op < 0)
        {
            return false;
        }
        Next();
        return true;
    }

    private (List<OperandValue> Values, bool Parenthesized) ParseOperand()
    {
        if (Peek.Kind != TokenKind.OpenParen)
        {
            return ([ParseValue()], false);
        }
        Next();
        var values = new List<OperandValue>();
        if (Peek.Kind == TokenKind.CloseParen)
        {
            Next();
            return (values, true);
        }
        values.Add(ParseValue());
        while (Peek.Kind == TokenKind.Comma)
        {
            Next();
            values.Add(ParseValue());
        }
        Expect(TokenKind.CloseParen, "',' or ')' in a value list");
        return (values, true);
    }

    private OperandValue ParseValue()
    {
        var token = Next();
        return token.Kind switch
        {
            TokenKind.Word => new OperandValue(token.Text, false, token.Offset),
            TokenKind.QuotedString => new OperandValue(token.Text, true, token.Offset),
            TokenKind.End => throw new ConditionSyntaxException(token.Offset, "condition ends where a value was expected"),
            _ => throw new ConditionSyntaxException(token.Offset, $"unexpected '{token.Text}' (expected a value)"),
        };
    }

    private void Expect(TokenKind kind, string what)
    {
        var token = Next();
        if (token.Kind != kind)
        {
            throw new ConditionSyntaxException(token.Offset,
                token.Kind == TokenKind.End ? $"condition ends where {what} was expected" : $"expected {what}, found '{token.Text}'");
        }
    }
}
