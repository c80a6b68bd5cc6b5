namespace Vigil.Grains.Tests;

public sealed class ConditionParserTests
{
    [Fact]
    public void And_binds_tighter_than_or()
    {
        var node = ConditionParser.Parse("a or b and c");

        var or = Assert.IsType<OrNode>(node);
        Assert.Equal("a", Assert.IsType<NameNode>(or.Left).Name);
        var and = Assert.IsType<AndNode>(or.Right);
        Assert.Equal("b", Assert.IsType<NameNode>(and.Left).Name);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var node = ConditionParser.Parse("not a and b");

        var and = Assert.IsType<AndNode>(node);
        Assert.IsType<NotNode>(and.Left);
        Assert.IsType<NameNode>(and.Right);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var node = ConditionParser.Parse("(a or b) and c");

        var and = Assert.IsType<AndNode>(node);
        Assert.IsType<OrNode>(and.Left);
    }

    [Fact]
    public void Operators_of_the_same_level_associate_left()
    {
        var node = ConditionParser.Parse("a and b and c");

        var outer = Assert.IsType<AndNode>(node);
        Assert.IsType<AndNode>(outer.Left);
        Assert.Equal("c", Assert.IsType<NameNode>(outer.Right).Name);
    }

    [Theory]
    [InlineData(true, true, true, true)]
    [InlineData(false, true, false, false)]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, true, true)]
    public void Or_and_precedence_holds_when_evaluated(bool a, bool b, bool c, bool expected) =>
        Assert.Equal(expected, Engine.Matches("a or b and c", new TestEvent { A = a, B = b, C = c }));

    [Fact]
    public void Comparison_keeps_field_operator_and_values_with_offsets()
    {
        var node = Assert.IsType<ComparisonNode>(ConditionParser.Parse("proc.name in (bash, 'ba sh', \"x\")"));

        Assert.Equal("proc.name", node.Field);
        Assert.Equal(ComparisonOperator.In, node.Operator);
        Assert.Equal(10, node.OperatorOffset);
        Assert.True(node.Parenthesized);
        Assert.Equal(["bash", "ba sh", "x"], node.Values.Select(v => v.Text));
        Assert.Equal([false, true, true], node.Values.Select(v => v.Quoted));
        Assert.Equal(14, node.Values[0].Offset);
    }

    [Fact]
    public void Bare_words_carry_paths_globs_and_networks_without_quotes()
    {
        var node = Assert.IsType<ComparisonNode>(ConditionParser.Parse("fd.sip in_cidr (10.0.0.0/8, fe80::/10, /etc/*.conf)"));

        Assert.Equal(["10.0.0.0/8", "fe80::/10", "/etc/*.conf"], node.Values.Select(v => v.Text));
    }

    [Fact]
    public void Quoted_strings_unescape_only_their_quote_and_backslash()
    {
        var node = Assert.IsType<ComparisonNode>(ConditionParser.Parse(@"proc.name regex 'it\'s \d+ \\'"));

        Assert.Equal(@"it's \d+ \", node.Values[0].Text);
    }

    [Fact]
    public void Exists_is_a_postfix_test()
    {
        var node = Assert.IsType<ExistsNode>(ConditionParser.Parse("fd.name exists"));

        Assert.Equal("fd.name", node.Field);
    }

    [Fact]
    public void Ancestor_takes_generations_and_a_sub_condition()
    {
        var node = Assert.IsType<AncestorNode>(ConditionParser.Parse("ancestor(3, proc.name in (nginx, httpd) and a)"));

        Assert.Equal(3, node.Generations);
        Assert.IsType<AndNode>(node.Inner);
    }

    [Theory]
    [InlineData("proc.name =", 11)]
    [InlineData("(a or b", 7)]
    [InlineData("a and or b", 6)]
    [InlineData("a b", 2)]
    [InlineData("proc.name = 'open", 12)]
    [InlineData("proc.name ! bash", 10)]
    [InlineData("proc.name in (a b)", 16)]
    [InlineData("ancestor(x, a)", 9)]
    public void Syntax_errors_point_at_the_offending_offset(string text, int offset)
    {
        var ex = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(text));

        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Nesting_is_bounded_so_a_hostile_condition_cannot_overflow_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("not ", 10_000)) + "a";

        Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(text));
    }
}
