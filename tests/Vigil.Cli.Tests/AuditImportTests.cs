using System.CommandLine;
using System.Text;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil audit import</c>: chunks on record boundaries, checks every file before importing any, totals, exit codes.</summary>
public sealed class AuditImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Json_lines_are_split_between_records_under_the_size_and_lose_nothing()
    {
        var lines = Enumerable.Range(1, 200).Select(i => $"{{\"auditID\":\"{i}\",\"verb\":\"get\",\"pad\":\"{new string('x', i % 50)}\"}}").ToList();
        var file = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var chunks = AuditChunker.Split(file, 1024);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(c.Body.Length <= 1024));
        Assert.Equal(file, chunks.SelectMany(c => c.Body.ToArray()).ToArray());
        foreach (var chunk in chunks)
        {
            var text = Encoding.UTF8.GetString(chunk.Body.Span);
            var first = text.Split('\n').First(l => l.Length > 0);
            Assert.Equal(lines[chunk.FirstLine - 1 + text.TakeWhile(c => c == '\n').Count()], first);
        }
    }

    [Fact]
    public void A_pretty_printed_document_or_gzip_goes_whole()
    {
        var document = Encoding.UTF8.GetBytes("{\n  \"kind\": \"EventList\",\n  \"items\": [" + string.Join(",", Enumerable.Repeat("\n    {\"verb\": \"get\"}", 100)) + "]\n}\n");
        byte[] gzip = [0x1f, 0x8b, .. new byte[4096]];

        Assert.Equal(2, AuditChunker.Split(document, 1024).Count);
        Assert.Single(AuditChunker.Split(gzip, 1024));
    }

    [Fact]
    public void Files_are_checked_by_a_dry_run_then_sent_and_the_totals_printed()
    {
        var a = Write("a.jsonl", 30);
        var b = Write("b.jsonl", 5);
        using var silo = new AuditImportFakeSilo();

        var run = Run(silo, a, b, "--cluster", "prod", "--format", "eks", "--token", "t0k", "--url", "http://127.0.0.1:9", "--chunk-bytes", "1024");

        Assert.True(run.ExitCode == 0, run.ToString());
        var dry = silo.Requests.Where(r => r.Uri.Query.Contains("dryRun=true", StringComparison.Ordinal)).ToList();
        var real = silo.Requests.Except(dry).ToList();
        Assert.True(real.Count > 2);
        Assert.Equal(dry.Select(r => r.Body), real.Select(r => r.Body));
        Assert.All(silo.Requests, r => Assert.Equal("Bearer t0k", r.Authorization));
        Assert.All(silo.Requests, r => Assert.Equal("/api/v1/clusters/prod/audit", r.Uri.AbsolutePath));
        Assert.All(real, r => Assert.Equal("?format=eks", r.Uri.Query));
        Assert.Contains("a.jsonl: 30 records: 30 accepted, 0 duplicates, 0 skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("total: 35 records: 35 accepted", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_file_imports_nothing_and_names_its_line_in_the_file()
    {
        var good = Write("good.jsonl", 3);
        var bad = Write("bad.jsonl", 40, poisonLine: 33);
        using var silo = new AuditImportFakeSilo();

        var run = Run(silo, good, bad, "--cluster", "prod", "--token", "t0k", "--chunk-bytes", "1024");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.jsonl:33: not an audit record", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.All(silo.Requests, r => Assert.Contains("dryRun=true", r.Uri.Query, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_cluster_a_token_or_an_existing_file_it_is_bad_usage()
    {
        var file = Write("a.jsonl", 1);
        using var silo = new AuditImportFakeSilo();

        Assert.Equal(2, CliRun.In(_directory, "audit", "import", file, "--token", "t").ExitCode);
        Assert.Equal(2, Run(silo, file, "--cluster", "prod").ExitCode);
        Assert.Equal(2, Run(silo, "missing.jsonl", "--cluster", "prod", "--token", "t").ExitCode);
        Assert.Empty(silo.Requests);
    }

    [Fact]
    public void Help_explains_the_command()
    {
        var run = CliRun.In(_directory, "audit", "import", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var expected in new[] { "--cluster", "--format", "--url", "--token", "--chunk-bytes", "dry run", "Exit codes" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }

    private string Write(string name, int lines, int poisonLine = 0)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, Enumerable.Range(1, lines).Select(i =>
            i == poisonLine ? $"{{{AuditImportFakeSilo.Poison}: true}}" : $"{{\"auditID\":\"{name}-{i}\",\"verb\":\"list\",\"pad\":\"{new string('p', 40)}\"}}"));
        return name;
    }

    private CliRun Run(AuditImportFakeSilo silo, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new Command("vigil") { AuditCommand.Create(new CommandPaths(_directory), silo) };
        var code = command.Parse(["audit", "import", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
