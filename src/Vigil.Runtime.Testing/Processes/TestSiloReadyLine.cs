using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>The one line a test silo prints once it has joined the cluster and bound both endpoints.</summary>
public sealed partial record TestSiloReadyLine(string SiloId, long Incarnation, string Grpc, string Http)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"vigil-test-silo ready: silo={SiloId} incarnation={Incarnation} grpc={Grpc} http={Http}");

    public static TestSiloReadyLine? TryParse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? new TestSiloReadyLine(match.Groups["silo"].Value, long.Parse(match.Groups["inc"].Value, CultureInfo.InvariantCulture), match.Groups["grpc"].Value, match.Groups["http"].Value)
            : null;
    }

    [GeneratedRegex(@"^vigil-test-silo ready: silo=(?<silo>\S+) incarnation=(?<inc>\d+) grpc=(?<grpc>\S+) http=(?<http>\S+)$")]
    private static partial Regex Pattern();
}
