namespace Vigil.Grains.Tests;

/// <summary>A random boolean formula over the flags a, b and c, with its own reference evaluator and printer.</summary>
public abstract record BooleanExpression
{
    public abstract bool Evaluate(bool a, bool b, bool c);

    /// <summary>Prints with only the parentheses precedence requires, so the parser's precedence is what is tested.</summary>
    public abstract string Print(int parentPrecedence = 0);

    public sealed record Flag(string Name) : BooleanExpression
    {
        public override bool Evaluate(bool a, bool b, bool c) => Name switch { "a" => a, "b" => b, _ => c };

        public override string Print(int parentPrecedence = 0) => Name;
    }

    public sealed record Not(BooleanExpression Operand) : BooleanExpression
    {
        public override bool Evaluate(bool a, bool b, bool c) => !Operand.Evaluate(a, b, c);

        public override string Print(int parentPrecedence = 0) => "not " + Operand.Print(3);
    }

    public sealed record Binary(bool IsAnd, BooleanExpression Left, BooleanExpression Right) : BooleanExpression
    {
        public override bool Evaluate(bool a, bool b, bool c) =>
            IsAnd ? Left.Evaluate(a, b, c) && Right.Evaluate(a, b, c) : Left.Evaluate(a, b, c) || Right.Evaluate(a, b, c);

        public override string Print(int parentPrecedence = 0)
        {
            var precedence = IsAnd ? 2 : 1;
            // Left-associative: the right operand of the same operator needs parentheses to keep its grouping.
            var text = $"{Left.Print(precedence)} {(IsAnd ? "and" : "or")} {Right.Print(precedence + 1)}";
            return precedence < parentPrecedence ? $"({text})" : text;
        }
    }
}
