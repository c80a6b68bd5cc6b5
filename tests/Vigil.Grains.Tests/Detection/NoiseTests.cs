using Vigil.Grains.Detection;
using Vigil.Grains.Detection.Cases;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Tests.Detection;

/// <summary>Ordinary cluster activity raises nothing above Informational: the rules earn their severities.</summary>
public sealed class NoiseTests
{
    private static readonly string NoiseFile = Path.Combine(AppContext.BaseDirectory, "Noise", "benign.yaml");

    public static TheoryData<string> Sequences() => [.. Read().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Benign_sequence_raises_nothing_above_informational(string name)
    {
        var sequence = Read().Single(s => s.Name == name);
        Assert.NotEmpty(sequence.Events);
        var alerts = new List<string>();
        foreach (var (location, value) in sequence.Events)
        {
            alerts.AddRange(RepositoryRules.Set.Evaluate(value, value.Source)
                .Where(r => r.Metadata.Severity > Severity.Informational)
                .Select(r => $"{location}: {r.Id} ({r.Metadata.Severity}): {r.Output.Render(value)}"));
        }
        Assert.True(alerts.Count == 0, string.Join('\n', alerts));
    }

    internal static List<(string Name, List<(string Location, DetectionEvent Event)> Events)> Read()
    {
        var path = NoiseFile;
        var root = RuleCaseReader.Root(path, File.ReadAllText(path));
        var sequences = new List<(string, List<(string, DetectionEvent)>)>();
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("sequences")]).Children)
        {
            var mapping = (YamlMappingNode)node;
            var name = ((YamlScalarNode)mapping.Children[new YamlScalarNode("name")]).Value!;
            var context = mapping.Children.TryGetValue(new YamlScalarNode("context"), out var c) ? RuleCaseReader.Context(path, c) : null;
            var events = ((YamlSequenceNode)mapping.Children[new YamlScalarNode("events")]).Children
                .Select(e => ($"{path}:{e.Start.Line}", EventCaseParser.Parse(path, (YamlMappingNode)e, context)))
                .ToList();
            sequences.Add((name, events));
        }
        return sequences;
    }
}
