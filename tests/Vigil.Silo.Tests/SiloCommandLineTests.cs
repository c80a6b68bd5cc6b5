namespace Vigil.Silo.Tests;

public sealed class SiloCommandLineTests
{
    [Fact]
    public void Defaults_are_loopback_50051_for_grpc_and_8080_for_http()
    {
        var options = new SiloOptions();

        Assert.Equal("127.0.0.1:50051", options.GrpcListen);
        Assert.Equal("127.0.0.1:8080", options.HttpListen);
    }

    [Fact]
    public void Switches_map_onto_configuration_keys_in_both_spellings()
    {
        var (settings, help, error) = SiloCommandLine.Parse(["--grpc-listen", "127.0.0.1:6000", "--http-listen=[::1]:6001"]);

        Assert.False(help);
        Assert.Null(error);
        Assert.Equal("127.0.0.1:6000", settings["Silo:GrpcListen"]);
        Assert.Equal("[::1]:6001", settings["Silo:HttpListen"]);
    }

    [Fact]
    public void Demo_is_a_flag_and_takes_no_value()
    {
        var (settings, _, error) = SiloCommandLine.Parse(["--demo", "--http-listen", "127.0.0.1:6001"]);

        Assert.Null(error);
        Assert.Equal("true", settings["Demo:Enabled"]);
        Assert.Equal("127.0.0.1:6001", settings["Silo:HttpListen"]);
    }

    [Fact]
    public void Help_wins_over_everything_else()
    {
        var (_, help, error) = SiloCommandLine.Parse(["--grpc-listen", "x", "--help"]);

        Assert.True(help);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("localhost:80", "GrpcListen 'localhost:80' is not an address:port")]
    [InlineData("127.0.0.1", "GrpcListen '127.0.0.1' is not an address:port")]
    [InlineData("127.0.0.1:70000", "GrpcListen '127.0.0.1:70000'")]
    public void Bad_addresses_are_refused_with_the_reason(string grpc, string expected)
    {
        var result = new SiloOptionsValidator().Validate(null, new SiloOptions { GrpcListen = grpc });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_port_for_both_endpoints_is_refused()
    {
        var result = new SiloOptionsValidator().Validate(null, new SiloOptions { GrpcListen = "127.0.0.1:9000", HttpListen = "127.0.0.1:9000" });

        Assert.True(result.Failed);
    }
}
