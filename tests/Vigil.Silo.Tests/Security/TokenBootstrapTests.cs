using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using Vigil.Silo.Security;

namespace Vigil.Silo.Tests.Security;

public sealed class TokenBootstrapTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _data = Directory.CreateTempSubdirectory("vigil-tokens-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task First_start_writes_both_tokens_owner_only_and_each_works_for_its_role()
    {
        await using var silo = await TokenSilo.StartAsync(_data);

        var path = Path.Combine(_data, "credentials.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(["adminToken", "ingestToken"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        var admin = json.RootElement.GetProperty("adminToken").GetString()!;
        var ingest = json.RootElement.GetProperty("ingestToken").GetString()!;
        Assert.StartsWith("vgl_", admin, StringComparison.Ordinal);
        Assert.NotEqual(admin, ingest);
        Assert.Empty(Directory.GetFiles(_data, "*.tmp"));

        using var asAdmin = silo.Client(admin);
        using var asIngest = silo.Client(ingest);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.GetAsync("api/v1/tokens", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.GetAsync("api/v1/silos", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asIngest.GetAsync("api/v1/silos", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asIngest.GetAsync("api/v1/tokens", Ct)).StatusCode);

        var stored = await File.ReadAllTextAsync(Path.Combine(_data, "vigil.db"), Ct);
        Assert.DoesNotContain(admin, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(ingest, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_leaves_the_file_alone_and_the_first_tokens_still_work()
    {
        SiloCredentials first;
        byte[] written;
        await using (var silo = await TokenSilo.StartAsync(_data))
        {
            first = silo.Credentials;
            written = await File.ReadAllBytesAsync(silo.CredentialsPath, Ct);
        }
        var writtenAt = File.GetLastWriteTimeUtc(Path.Combine(_data, "credentials.json"));

        await using var again = await TokenSilo.StartAsync(_data);

        Assert.Equal(written, await File.ReadAllBytesAsync(again.CredentialsPath, Ct));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(again.CredentialsPath));
        using var asAdmin = again.Client(first.AdminToken);
        using var asIngest = again.Client(first.IngestToken);
        var tokens = JsonDocument.Parse(await asAdmin.GetStringAsync("api/v1/tokens", Ct)).RootElement;
        Assert.Equal(["admin", "ingest"], tokens.EnumerateArray().Select(t => t.GetProperty("role").GetString()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await asIngest.GetAsync("api/v1/tokens", Ct)).StatusCode);
    }

    [Fact]
    public async Task Credentials_written_before_a_crash_that_kept_them_from_the_registry_are_registered_on_the_next_start()
    {
        var kept = SiloCredentials.Create();
        Assert.True(kept.TryWriteNew(SiloCredentials.PathIn(_data)));

        await using var silo = await TokenSilo.StartAsync(_data);

        Assert.Equal(kept, silo.Credentials);
        using var asAdmin = silo.Client(kept.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.GetAsync("api/v1/tokens", Ct)).StatusCode);
    }

    [Fact]
    public void Writing_credentials_never_replaces_an_existing_file()
    {
        var path = SiloCredentials.PathIn(_data);
        Assert.True(SiloCredentials.Create().TryWriteNew(path));
        var before = File.ReadAllBytes(path);

        Assert.False(SiloCredentials.Create().TryWriteNew(path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_data));
    }

    [Fact]
    public async Task A_credentials_file_that_is_not_ours_stops_start_up_naming_it()
    {
        await File.WriteAllTextAsync(SiloCredentials.PathIn(_data), "{\"admin\": 1}", Ct);

        var failure = await Assert.ThrowsAsync<IOException>(() => TokenSilo.StartAsync(_data));

        Assert.Contains(SiloCredentials.PathIn(_data), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_process_says_where_it_wrote_the_credentials()
    {
        await using var silo = await SiloProcess.StartAsync();

        Assert.Contains($"written once to {Path.Combine(silo.DataDirectory, "credentials.json")}", silo.Process.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(silo.DataDirectory, "credentials.json")));
    }
}
