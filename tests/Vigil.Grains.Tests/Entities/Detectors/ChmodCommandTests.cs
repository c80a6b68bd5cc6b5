using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class ChmodCommandTests
{
    [Theory]
    [InlineData("+x", true)]
    [InlineData("u+x", true)]
    [InlineData("a=rx", true)]
    [InlineData("go-w,u+rwx", true)]
    [InlineData("755", true)]
    [InlineData("0700", true)]
    [InlineData("644", false)]
    [InlineData("-x", false)]
    [InlineData("u+w", false)]
    public void Execute_permission_is_granted_by_plus_or_equals_with_x_or_an_octal_execute_bit(string mode, bool grants) =>
        Assert.Equal(grants, ChmodCommand.GrantsExecute(mode));

    [Fact]
    public void Targets_are_resolved_against_the_working_directory_and_options_are_skipped()
    {
        Assert.Equal(["/tmp/x", "/opt/y"], ChmodCommand.ExecutableTargets("/bin/chmod", ["-v", "+x", "./x", "/opt/y"], "/tmp"));
        Assert.Equal(["/var/tmp/z"], ChmodCommand.ExecutableTargets("/usr/bin/chmod", ["755", "../var/tmp/z"], "/home"));
        Assert.Empty(ChmodCommand.ExecutableTargets("/usr/bin/chmod", ["644", "/tmp/x"], "/"));
        Assert.Empty(ChmodCommand.ExecutableTargets("/usr/bin/chown", ["+x", "/tmp/x"], "/"));
    }
}
