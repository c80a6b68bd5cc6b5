using FsCheck;
using FsCheck.Fluent;

namespace Vigil.Grains.Tests;

public sealed class ConditionProperties
{
    private static Gen<BooleanExpression> Expression(int size)
    {
        var flag = Gen.Elements("a", "b", "c").Select(n => (BooleanExpression)new BooleanExpression.Flag(n));
        if (size <= 0)
        {
            return flag;
        }
        var smaller = Gen.Sized(_ => Expression(size / 2));
        return Gen.Frequency(
            (2, flag),
            (1, smaller.Select(e => (BooleanExpression)new BooleanExpression.Not(e))),
            (3, Gen.Zip(Gen.Elements(true, false), Gen.Zip(smaller, smaller))
                .Select(t => (BooleanExpression)new BooleanExpression.Binary(t.Item1, t.Item2.Item1, t.Item2.Item2))));
    }

    [Fact]
    public void Compiled_conditions_agree_with_a_reference_evaluator_for_every_assignment()
    {
        var catalogue = TestCatalogue.Create();
        var events = (from a in new[] { false, true } from b in new[] { false, true } from c in new[] { false, true }
                      select new TestEvent { A = a, B = b, C = c }).ToArray();

        Prop.ForAll(Gen.Sized(Expression).ToArbitrary(), expression =>
        {
            var text = expression.Print();
            var set = new RuleLoader<TestEvent>(catalogue).Load([new RuleSourceFile("p.yaml", RuleText.Rule("p", text))]).RuleSet;
            var rule = set?.Find("p");
            return rule is not null
                && events.All(e => rule.Matches(e) == expression.Evaluate(e.A!.Value, e.B!.Value, e.C!.Value));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_glob_without_wildcards_is_equality_and_star_text_star_is_contains()
    {
        var plain = Gen.Elements('a', 'b', '/', '.').ArrayOf().Select(chars => new string(chars));

        Prop.ForAll(Gen.Zip(plain, plain).ToArbitrary(), pair =>
        {
            var (pattern, text) = pair;
            return new GlobPattern(pattern).IsMatch(text) == (pattern == text)
                && new GlobPattern("*" + pattern + "*").IsMatch(text) == text.Contains(pattern, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_question_mark_matches_exactly_one_character()
    {
        var plain = Gen.Elements('a', 'b').ArrayOf().Select(chars => new string(chars));

        Prop.ForAll(plain.ToArbitrary(), text =>
            new GlobPattern(new string('?', text.Length)).IsMatch(text)
            && !new GlobPattern(new string('?', text.Length + 1)).IsMatch(text)).QuickCheckThrowOnFailure();
    }
}
