using System.Diagnostics;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// Waiting on state another process holds, which can only be observed: look every <c>every</c>, give up after
/// <c>limit</c>, and say what was last seen.
/// </summary>
public static class Poll
{
    /// <summary>
    /// Calls <paramref name="check"/> until it returns null (the condition holds); anything else it returns describes
    /// what it saw instead, and ends up in the timeout's message. Returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync(string what, Func<CancellationToken, Task<string?>> check, TimeSpan limit, TimeSpan? every = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var interval = every ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var seen = await check(cancellationToken).ConfigureAwait(false);
            if (seen is null)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; last seen: {seen}");
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
