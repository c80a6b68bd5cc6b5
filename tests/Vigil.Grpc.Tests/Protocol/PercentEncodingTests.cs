using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Fact]
    public void Printable_ascii_other_than_percent_passes_unchanged()
    {
        Assert.Equal("Deadline exceeded: try again (later)", PercentEncoding.Encode("Deadline exceeded: try again (later)"));
    }

    [Fact]
    public void Percent_control_characters_and_non_ascii_become_upper_case_escapes_of_utf8()
    {
        Assert.Equal("100%25 caf%C3%A9%0A", PercentEncoding.Encode("100% café\n"));
    }

    [Theory]
    [InlineData("accès refusé: ключ недействителен ✓ 100%")]
    [InlineData("\t\r\n\u0000")]
    [InlineData("emoji 🔐")]
    public void Round_trips(string text)
    {
        Assert.Equal(text, PercentEncoding.Decode(PercentEncoding.Encode(text)));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz here", "%zz here")]
    [InlineData("%4", "%4")]
    [InlineData("lower %c3%a9", "lower é")]
    public void Malformed_escapes_pass_through_instead_of_failing(string text, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Decode(text));
    }
}
