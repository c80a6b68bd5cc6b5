using System.Net;

namespace Vigil.Grains.Tests;

public sealed class AddressOperatorTests
{
    private static TestEvent To(string address) => new() { Type = "connect", ServerIp = IPAddress.Parse(address) };

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("169.254.169.253", false)]
    [InlineData("::ffff:10.9.9.9", true)]
    [InlineData("fd00::1", false)]
    public void In_cidr_matches_ipv4_networks(string address, bool expected) =>
        Assert.Equal(expected, Engine.Matches("fd.sip in_cidr (10.0.0.0/8, 169.254.169.254/32)", To(address)));

    [Theory]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("fd00:ec2::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("10.0.0.1", false)]
    public void In_cidr_matches_ipv6_networks(string address, bool expected) =>
        Assert.Equal(expected, Engine.Matches("fd.sip in_cidr (fd00:ec2::/32, fe80::/10)", To(address)));

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.169.255", false)]
    public void A_bare_address_in_in_cidr_is_a_host_network(string address, bool expected) =>
        Assert.Equal(expected, Engine.Matches("fd.sip in_cidr 169.254.169.254", To(address)));

    [Theory]
    [InlineData("fd.sip = 10.0.0.1", "10.0.0.1", true)]
    [InlineData("fd.sip = 10.0.0.1", "::ffff:10.0.0.1", true)]
    [InlineData("fd.sip = 10.0.0.1", "10.0.0.2", false)]
    [InlineData("fd.sip != 10.0.0.1", "10.0.0.2", true)]
    [InlineData("fd.sip in (::1, 127.0.0.1)", "::1", true)]
    [InlineData("fd.sip in (::1, 127.0.0.1)", "127.0.0.2", false)]
    public void Exact_address_comparisons(string condition, string address, bool expected) =>
        Assert.Equal(expected, Engine.Matches(condition, To(address)));

    [Fact]
    public void In_cidr_on_an_absent_address_is_false() =>
        Assert.False(Engine.Matches("fd.sip in_cidr (0.0.0.0/0, ::/0)", new TestEvent()));
}
