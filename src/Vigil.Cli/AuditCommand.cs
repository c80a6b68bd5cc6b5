using System.CommandLine;

namespace Vigil.Cli;

/// <summary><c>vigil audit</c>: API-server audit logs.</summary>
public static class AuditCommand
{
    public static Command Create(CommandPaths paths, HttpMessageHandler? handler = null) =>
        new("audit", "Work with Kubernetes API-server audit logs.") { AuditImportCommand.Create(paths, handler) };
}
