using System.IO.Compression;
using System.Text;
using Vigil.Ingestion.Audit;

namespace Vigil.Ingestion.Tests.Audit;

/// <summary>A small compressed payload that inflates without end fails instead of exhausting memory.</summary>
public sealed class GzipLimitTests
{
    private static readonly AuditParserOptions Tight = new(MaxInflatedBytes: 64 * 1024);

    [Fact]
    public void A_lambda_record_whose_data_inflates_past_the_limit_fails_alone()
    {
        var bomb = Convert.ToBase64String(GzipOfZeros(1024 * 1024));
        var input = Encoding.UTF8.GetBytes($"{{\"awslogs\":{{\"data\":\"{bomb}\"}}}}");
        var events = new List<AuditEvent>();

        var report = AuditLogParser.Parse(input, Tight, events.Add);

        Assert.Empty(events);
        Assert.Equal((0, 1), (report.Parsed, report.Failed));
        Assert.Contains("inflates past", report.Diagnostics[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_input_that_inflates_past_the_limit_fails_whole()
    {
        var events = new List<AuditEvent>();

        var report = AuditLogParser.Parse(GzipOfZeros(1024 * 1024), Tight, events.Add);

        Assert.Empty(events);
        Assert.Equal(1, report.Failed);
        Assert.Contains("inflates past", report.Diagnostics[0].Reason, StringComparison.Ordinal);
    }

    private static byte[] GzipOfZeros(int length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[length]);
        }
        return output.ToArray();
    }
}
