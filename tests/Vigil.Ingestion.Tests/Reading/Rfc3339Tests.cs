using System.Text;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Tests.Reading;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-03-04T06:22:18.819232Z", 1741069338819232000)]
    [InlineData("2025-03-04T06:22:18Z", 1741069338000000000)]
    [InlineData("2024-01-19T13:47:18.279921123Z", 1705672038279921123)]
    [InlineData("2024-01-19 13:47:18.279921123", 1705672038279921123)]
    [InlineData("2025-03-04T08:22:18.5+02:00", 1741069338500000000)]
    public void Parses_to_nanoseconds(string text, long expected)
    {
        Assert.True(Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out var nanos));
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData("2025-13-04T06:22:18Z")]
    [InlineData("2025-02-30T06:22:18Z")]
    [InlineData("2025-03-04T06:22:18.Z")]
    [InlineData("2025-03-04")]
    [InlineData("2025-03-04T06:22:18+0200")]
    public void Rejects_what_is_not_a_timestamp(string text) => Assert.False(Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
