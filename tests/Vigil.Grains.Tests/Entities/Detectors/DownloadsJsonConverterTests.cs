using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class DownloadsJsonConverterTests
{
    private static readonly EvidenceProcess Java = new(40, 30, "/opt/java/openjdk/bin/java", ["-jar", "/app/ledger.jar"], 0, "root", "/");
    private static readonly EvidenceProcess Tini = new(30, 1, "/usr/bin/tini", ["--", "/docker-entrypoint.sh"], 1000, "app", "/srv");
    private static readonly EvidenceProcess Chmod = new(41, 40, "/bin/chmod", ["+x", "/tmp/b"], 0, "root", "/");
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 10, 23, 40, TimeSpan.Zero).AddTicks(8_499_354);

    [Fact]
    public void Pending_downloads_store_each_process_once_and_read_back_the_same()
    {
        var state = new ContainerDetectorState();
        state.Downloads["/tmp/a"] = new DownloadRecord("/tmp/a", Now, Evidence(Java, "/tmp/a written by java"), null);
        state.Downloads["/tmp/b"] = new DownloadRecord(
            "/tmp/b", Now.AddSeconds(1), Evidence(Java, "/tmp/b written by java"), Evidence(Chmod, "/tmp/b made executable", errno: 1));

        var json = JsonSerializer.Serialize(state);
        var read = JsonSerializer.Deserialize<ContainerDetectorState>(json)!;

        Assert.Single(AllIndexesOf(json, Java.Binary));
        Assert.Single(AllIndexesOf(json, Tini.Binary));
        Assert.Equal(state.Downloads.Keys, read.Downloads.Keys);
        foreach (var (path, record) in state.Downloads)
        {
            // Each record's own (object) form is the same before and after.
            Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(read.Downloads[path]));
        }
    }

    [Fact]
    public void Pending_downloads_stored_in_the_older_object_form_still_load()
    {
        var record = new DownloadRecord("/tmp/a", Now, Evidence(Java, "/tmp/a written by java"), Evidence(Chmod, "/tmp/a made executable"));
        var stored = $$"""{"Downloads":{{JsonSerializer.Serialize(new Dictionary<string, DownloadRecord> { ["/tmp/a"] = record })}}}""";

        var read = JsonSerializer.Deserialize<ContainerDetectorState>(stored)!;

        Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(Assert.Single(read.Downloads).Value));
    }

    [Fact]
    public void Processes_equal_in_every_field_are_stored_once_and_one_differing_only_in_an_argument_is_not()
    {
        // Evidence is built per event, so the same process arrives as separate objects with separate argument lists.
        var copy = Java with { Args = [.. Java.Args] };
        var other = Java with { Args = ["-jar", "/app/other.jar"] };
        var state = new ContainerDetectorState();
        state.Downloads["/tmp/a"] = new DownloadRecord("/tmp/a", Now, new AlertEvidence("open", Now, Java, [], "/tmp/a", 0, "a"), null);
        state.Downloads["/tmp/b"] = new DownloadRecord("/tmp/b", Now, new AlertEvidence("open", Now, copy, [], "/tmp/b", 0, "b"), null);
        state.Downloads["/tmp/c"] = new DownloadRecord("/tmp/c", Now, new AlertEvidence("open", Now, other, [], "/tmp/c", 0, "c"), null);

        var json = JsonSerializer.Serialize(state);
        var read = JsonSerializer.Deserialize<ContainerDetectorState>(json)!;

        Assert.Equal(2, AllIndexesOf(json, Java.Binary).Count);
        Assert.Equal(["-jar", "/app/ledger.jar"], read.Downloads["/tmp/b"].Download.Process.Args);
        Assert.Equal(["-jar", "/app/other.jar"], read.Downloads["/tmp/c"].Download.Process.Args);
    }

    private static AlertEvidence Evidence(EvidenceProcess process, string output, int errno = 0) =>
        new("open", Now, process, process == Java ? [Tini] : [Java, Tini], "/tmp/a", errno, output);

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }
        return found;
    }
}
