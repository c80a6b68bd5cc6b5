using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Benchmarks;

/// <summary>The figures of one suite run: printed as a table and written as <c>{name: {value, unit}}</c> JSON.</summary>
public sealed class BenchmarkReport(string suite)
{
    private readonly List<(string Name, double Value, string Unit, string Description)> _figures = [];

    public string Suite => suite;

    public void Add(string name, double value, string unit, string description)
    {
        _figures.Add((name, value, unit, description));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  measured {name} = {value:0.###} {unit}"));
    }

    public void PrintTable(TextWriter output)
    {
        var nameWidth = Math.Max(6, _figures.Max(f => f.Name.Length));
        output.WriteLine();
        output.WriteLine($"{"figure".PadRight(nameWidth)} | {"value",14} | {"unit",-10} | description");
        output.WriteLine($"{new string('-', nameWidth)}-|-{new string('-', 14)}-|-{new string('-', 10)}-|-{new string('-', 40)}");
        foreach (var (name, value, unit, description) in _figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name.PadRight(nameWidth)} | {value,14:#,0.###} | {unit,-10} | {description}"));
        }
    }

    public void WriteJson(string path)
    {
        var root = new JsonObject();
        foreach (var (name, value, unit, _) in _figures)
        {
            root[name] = new JsonObject { ["value"] = Math.Round(value, 3), ["unit"] = unit };
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
