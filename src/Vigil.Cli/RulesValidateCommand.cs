using System.CommandLine;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil rules validate PATH...</c>: loads the named files and directories as one set against the field
/// catalogue the grains use, so a set that passes here is one the silos will accept on reload.
/// </summary>
public static class RulesValidateCommand
{
    public static Command Create(CommandPaths paths)
    {
        var pathsArgument = new Argument<string[]>("PATH")
        {
            Description = "Rule files or directories, loaded as one set. Directories are "
                + "searched for *.yaml and *.yml; *.tests.yaml files are skipped.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [CommandPaths.DefaultRules],
        };
        var format = new Option<string>("--format")
        {
            Description = "text: one 'file:line:column: error|warning VRnnn: message' line per diagnostic and a "
                + "summary; json: one object with the counts and the diagnostics.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("validate",
            "Load a rule set and report every diagnostic with its position.\n"
            + "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage (e.g. a path that does not exist).")
        {
            pathsArgument,
            format,
        };
        command.SetAction(result => Execute(
            result.GetValue(pathsArgument) ?? [], result.GetValue(format) ?? "text", paths,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string[] arguments, string format, CommandPaths paths, TextWriter output, TextWriter error)
    {
        if (paths.FirstMissing(arguments) is { } missing)
        {
            error.WriteLine(CommandPaths.MissingMessage(missing));
            return ExitCodes.Usage;
        }
        var load = new RuleLoader<DetectionEvent>(DetectionFields.Create()).LoadPaths(arguments.Select(paths.Resolve));
        if (format == "json")
        {
            output.WriteLine(DiagnosticJson.Format(load, paths));
        }
        else
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                output.WriteLine(DiagnosticText.Format(diagnostic, paths));
            }
            output.WriteLine(DiagnosticText.Summary(
                load.Counts, load.Diagnostics.Count(d => d.IsError), load.Diagnostics.Count(d => !d.IsError)));
        }
        return load.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
