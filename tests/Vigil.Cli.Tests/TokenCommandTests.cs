namespace Vigil.Cli.Tests;

public sealed class TokenCommandTests : IAsyncLifetime
{
    private TokenCommandSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TokenCommandSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task Create_list_and_revoke_end_to_end()
    {
        var admin = _silo.Credentials.AdminToken;

        var created = await Vigil("token", "create", "--role", "ingest", "--cluster", "prod", "--name", "prod sensors", "--token", admin);
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        var token = Assert.Single(created.OutputLines);
        Assert.StartsWith("vgl_", token, StringComparison.Ordinal);
        Assert.Contains("not shown again", created.Error, StringComparison.Ordinal);

        var listed = await Vigil("token", "list", "--token", admin);
        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.ToString());
        Assert.StartsWith("ID", listed.OutputLines[0], StringComparison.Ordinal);
        var row = Assert.Single(listed.OutputLines, l => l.EndsWith("prod sensors", StringComparison.Ordinal));
        Assert.Contains(" ingest ", row, StringComparison.Ordinal);
        Assert.Contains(" prod ", row, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.Output, StringComparison.Ordinal);
        Assert.Equal(4, listed.OutputLines.Length);
        var id = row.Split(' ')[0];

        var revoked = await Vigil("token", "revoke", id, "--token", admin);
        Assert.True(revoked.ExitCode == ExitCodes.Ok, revoked.ToString());
        var after = await Vigil("token", "list", "--token", admin);
        Assert.DoesNotContain(" - ", Assert.Single(after.OutputLines, l => l.StartsWith(id, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_viewer_token_reads_but_may_not_manage_tokens()
    {
        var viewer = (await Vigil("token", "create", "--role", "viewer", "--token", _silo.Credentials.AdminToken)).OutputLines.Single();

        var listed = await Vigil("token", "list", "--token", viewer);

        Assert.Equal(ExitCodes.Failed, listed.ExitCode);
        Assert.Contains("refused (403)", listed.Error, StringComparison.Ordinal);
        Assert.Empty(listed.Output);
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_reported_as_refused()
    {
        var run = await Vigil("token", "list", "--token", "vgl_not-a-token");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("refused (401): The bearer token is unknown or revoked.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_unknown_id_fails_with_the_silos_reason()
    {
        var run = await Vigil("token", "revoke", "tok_0000000000000000", "--token", _silo.Credentials.AdminToken);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("No token has id 'tok_0000000000000000'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_name_the_silo_refuses_is_reported_and_creates_nothing()
    {
        var run = await Vigil("token", "create", "--role", "viewer", "--cluster", "a/b", "--token", _silo.Credentials.AdminToken);
        var listed = await Vigil("token", "list", "--token", _silo.Credentials.AdminToken);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no '/'", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, listed.OutputLines.Length);
    }

    [Theory]
    [InlineData("token", "create", "--role", "root", "--token", "x")]
    [InlineData("token", "create", "--token", "x")]
    [InlineData("token", "revoke", "--token", "x")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var run = await Vigil(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_url_that_is_not_http_exits_2()
    {
        var run = await TokenCommandSilo.RunAsync("token", "list", "--url", "ftp://127.0.0.1", "--token", "x");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--url 'ftp://127.0.0.1'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_out_of_reach_fails_saying_where_it_looked()
    {
        var run = await TokenCommandSilo.RunAsync("token", "list", "--url", "http://127.0.0.1:1", "--token", "x");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("could not reach the silo at http://127.0.0.1:1/", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_the_roles_and_the_exit_codes()
    {
        var run = await TokenCommandSilo.RunAsync("token", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("viewer reads the API", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", run.Output, StringComparison.Ordinal);
        Assert.Contains("revoke", run.Output, StringComparison.Ordinal);
    }

    private Task<CliRun> Vigil(params string[] args) => TokenCommandSilo.RunAsync([.. args, "--url", _silo.Url]);
}
