using Vigil.Ingestion;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>Turns a parse with failed records into the 400 that names them; a request is applied whole or not at all.</summary>
public static class ParseRejection
{
    /// <summary>Failures listed in a response; the count beside them is always exact.</summary>
    public const int MaxListed = 100;

    public static void ThrowIfFailed(ParseReport report, string what)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Failed == 0)
        {
            return;
        }
        var failures = report.Errors.Take(MaxListed).Select(d => new LineFailure(d.Line, d.Reason)).ToList();
        var first = failures[0];
        throw new IngestionRejectedException(StatusCodes.Status400BadRequest, new IngestionError(
            "invalid-records",
            $"{report.Failed} of {report.Records} records could not be read as {what}, so nothing was ingested; "
            + $"first at line {first.Line}: {first.Reason}",
            failures,
            report.Failed));
    }

    public static IReadOnlyList<SkippedRecord> Skipped(ParseReport report) =>
        [.. report.Diagnostics.Where(d => d.Kind == DiagnosticKind.Skipped).Take(MaxListed).Select(d => new SkippedRecord(d.Line, d.Reason))];
}
