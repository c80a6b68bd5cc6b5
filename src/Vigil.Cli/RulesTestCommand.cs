using System.CommandLine;
using Vigil.Grains.Detection;
using Vigil.Grains.Detection.Cases;
using Vigil.Grains.Rules;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil rules test PATH</c>: runs every <c>&lt;id&gt;.tests.yaml</c> case under a rule directory with the
/// runner the test suite uses, so a rule author sees the same verdicts without building the tests.
/// </summary>
public static class RulesTestCommand
{
    public static Command Create(CommandPaths paths)
    {
        var directory = new Argument<string>("PATH")
        {
            Description = "A rule directory: its rules are loaded as one set and every *.tests.yaml under it is run.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => CommandPaths.DefaultRules,
        };
        var command = new Command("test",
            "Run the positive and negative cases in every <id>.tests.yaml beside the rules; print PASS or FAIL per case "
            + "and 'N passed, N failed'.\n"
            + "Exit codes: 0 every case passed, 1 a case failed or the set did not load, 2 bad usage (e.g. a path that does not exist).")
        {
            directory,
        };
        command.SetAction(result => Execute(
            result.GetValue(directory) ?? CommandPaths.DefaultRules, paths,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string argument, CommandPaths paths, TextWriter output, TextWriter error)
    {
        var root = paths.Resolve(argument);
        if (!Directory.Exists(root))
        {
            error.WriteLine(File.Exists(root)
                ? $"vigil: '{argument}' is a file; rules test takes the directory that holds the rules and their tests files"
                : CommandPaths.MissingMessage(argument));
            return ExitCodes.Usage;
        }
        var load = new RuleLoader<DetectionEvent>(DetectionFields.Create()).LoadDirectory(root);
        if (load.RuleSet is not { } set)
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                output.WriteLine(DiagnosticText.Format(diagnostic, paths));
            }
            output.WriteLine($"the rule set did not load ({load.Diagnostics.Count(d => d.IsError)} errors): no case was run");
            return ExitCodes.Failed;
        }
        var (passed, failed) = (0, 0);
        foreach (var path in RuleCaseRunner.FindCaseFiles(root))
        {
            var shown = paths.Display(path);
            RuleCaseFile file;
            try
            {
                file = RuleCaseReader.ReadFile(path);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                // A tests file that cannot be read hides all of its cases, so it counts as a failure.
                output.WriteLine($"FAIL {ex.Message.Replace(path, shown, StringComparison.Ordinal)}");
                failed++;
                continue;
            }
            foreach (var result in RuleCaseRunner.Run(set, file))
            {
                output.WriteLine(result.ToString().Replace(path, shown, StringComparison.Ordinal));
                (passed, failed) = result.Passed ? (passed + 1, failed) : (passed, failed + 1);
            }
        }
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
