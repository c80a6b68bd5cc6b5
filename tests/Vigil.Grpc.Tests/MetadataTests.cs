namespace Vigil.Grpc.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased_and_the_last_value_wins_on_lookup()
    {
        var metadata = new Metadata().Add("X-Tenant", "a").Add("x-tenant", "b");

        Assert.Equal("x-tenant", metadata[0].Key);
        Assert.Equal("b", metadata.GetValue("X-TENANT"));
        Assert.Null(metadata.GetValue("absent"));
    }

    [Fact]
    public void Binary_keys_carry_bytes_and_show_them_as_base64()
    {
        var metadata = new Metadata().Add("trace-bin", [1, 2, 3]);

        Assert.Equal(new byte[] { 1, 2, 3 }, metadata.GetValueBytes("trace-bin"));
        Assert.Equal("AQID", metadata.GetValue("trace-bin"));
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("naïve")]
    [InlineData("")]
    public void Keys_outside_the_allowed_characters_are_refused(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Metadata().Add(key, "v"));
    }

    [Fact]
    public void Text_values_must_be_printable_ascii_and_bytes_need_the_bin_suffix()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("note", "línea"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("note", [1]));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("note-bin", "text"));
    }
}
