namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.probe")]
public interface IProbeGrain : IGrainWithStringKey
{
    Task FailAsync(string message);

    /// <summary>Completes only when the test opens the <see cref="HangGate"/>, whatever the call timeout says.</summary>
    Task HangAsync();

    /// <summary>Takes a payload it never keeps, then hangs like <see cref="HangAsync"/> once it has said it entered.</summary>
    Task TakeAndHangAsync(byte[] payload);

    Task StartTimerAsync(TimeSpan period);

    Task<int> TimerTicksAsync();

    [OneWay]
    Task RecordAsync(string value);

    Task<IReadOnlyList<string>> RecordedAsync();

    Task SelfDestructAsync();
}
