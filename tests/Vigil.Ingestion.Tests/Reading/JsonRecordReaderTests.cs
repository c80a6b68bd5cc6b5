using System.Text;
using Vigil.Ingestion.Audit;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Reading;

public sealed class JsonRecordReaderTests
{
    [Fact]
    public void A_bad_line_in_the_middle_costs_only_that_line()
    {
        var lines = new StringBuilder();
        for (var i = 1; i <= 100; i++)
        {
            lines.Append(i == 37 ? "{\"kind\":\"Event\",\"verb\":\n" : $"{{\"kind\":\"Event\",\"auditID\":\"id-{i}\",\"verb\":\"get\"}}\n");
        }

        var (events, report) = Collect.Audit(Encoding.UTF8.GetBytes(lines.ToString()));

        Assert.Equal((99, 0, 1), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal(37, Assert.Single(report.Errors).Line);
        Assert.Equal("id-100", events[^1].AuditId);
        Assert.DoesNotContain(events, e => e.AuditId == "id-37");
    }

    [Fact]
    public void A_value_that_is_not_an_object_fails_with_its_line()
    {
        var (_, report) = Collect.Audit("{\"kind\":\"Event\",\"verb\":\"get\"}\n42\n\"text\"\n"u8.ToArray());

        Assert.Equal((1, 0, 2), (report.Parsed, report.Skipped, report.Failed));
        Assert.Equal([2, 3], report.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Concatenated_values_without_newlines_are_separate_records()
    {
        var (events, report) = Collect.Audit("{\"kind\":\"Event\",\"verb\":\"get\"}{\"kind\":\"Event\",\"verb\":\"list\"}"u8.ToArray());

        Assert.Equal(2, report.Parsed);
        Assert.Equal(["get", "list"], events.Select(e => e.Verb));
    }

    [Fact]
    public void Crlf_line_endings_and_empty_input_are_fine()
    {
        Assert.Equal(2, Collect.Audit("{\"kind\":\"Event\",\"verb\":\"get\"}\r\n{\"kind\":\"Event\",\"verb\":\"get\"}\r\n"u8.ToArray()).Report.Parsed);
        Assert.Equal(0, Collect.Audit([]).Report.Records);
    }

    [Fact]
    public void Bad_gzip_is_one_failure_not_an_exception()
    {
        var (_, report) = Collect.Audit([0x1f, 0x8b, 0x08, 0x00, 0x01]);

        Assert.Equal(1, report.Failed);
        Assert.Contains("gzip", report.Diagnostics[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_timestamps_fail_the_record_with_the_field_name()
    {
        var (_, report) = Collect.Audit("{\"kind\":\"Event\",\"verb\":\"get\",\"stageTimestamp\":\"yesterday\"}"u8.ToArray(), new AuditParserOptions());

        Assert.Contains("'stageTimestamp'", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }
}
