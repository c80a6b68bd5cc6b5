using System.CommandLine;
using System.CommandLine.Help;

namespace Vigil.Cli;

/// <summary>
/// The command tree and one entry point that takes its writers and working directory, so tests run the real
/// command in-process and see exactly what a user would.
/// </summary>
public static class VigilCommand
{
    /// <summary>
    /// A plain command named vigil rather than a <see cref="RootCommand"/>, which takes its name from the host
    /// process: in-process (tests) that would be the test runner, and usage lines would name it.
    /// </summary>
    public static Command Create(CommandPaths paths)
    {
        var rules = new Command("rules", "Check and test detection rules (YAML under grains/rules).")
        {
            RulesValidateCommand.Create(paths),
            RulesTestCommand.Create(paths),
        };
        return new Command("vigil",
            "The Vigil command line.\n"
            + "Exit codes: 0 success, 1 the checked thing failed (rule errors, failing cases), 2 bad usage.")
        {
            new HelpOption(),
            new VersionOption(),
            rules,
            AuditCommand.Create(paths),
            TokenCommand.Create(),
            Simulate.SimulateCommand.Create(),
        };
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parsed = Create(new CommandPaths(workingDirectory)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers 1 for a parse error; 1 is taken by "the rules are wrong".
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"vigil: {problem.Message}");
            }
            error.WriteLine("Run 'vigil --help' (or 'vigil rules validate --help') for usage.");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
