namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.probe")]
public interface IProbeGrain : IGrainWithStringKey
{
    Task FailAsync(string message);

    /// <summary>Completes only when the test opens the <see cref="HangGate"/>, whatever the call timeout says.</summary>
    Task HangAsync();

    Task StartTimerAsync(TimeSpan period);

    Task<int> TimerTicksAsync();

    [OneWay]
    Task RecordAsync(string value);

    Task<IReadOnlyList<string>> RecordedAsync();

    Task SelfDestructAsync();
}
