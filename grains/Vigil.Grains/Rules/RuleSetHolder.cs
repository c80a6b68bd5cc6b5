namespace Vigil.Grains.Rules;

/// <summary>
/// The rule set in force. Readers take <see cref="Current"/> without locking; a reload replaces it with one
/// reference write, and only when the whole new set compiled without errors, so evaluation never sees a
/// half-loaded or broken set.
/// </summary>
public sealed class RuleSetHolder<TEvent>(RuleLoader<TEvent> loader)
{
    private readonly Lock _reloading = new();
    private RuleSet<TEvent> _current = RuleSet<TEvent>.Empty;

    public RuleSet<TEvent> Current => Volatile.Read(ref _current);

    /// <summary>How many reloads have been swapped in; 0 while the empty initial set is in force.</summary>
    public int Generation { get; private set; }

    public RuleReloadResult<TEvent> Reload(IEnumerable<RuleSourceFile> files) => Swap(() => loader.Load(files));

    public RuleReloadResult<TEvent> ReloadDirectory(string directory) => Swap(() => loader.LoadDirectory(directory));

    private RuleReloadResult<TEvent> Swap(Func<RuleLoadResult<TEvent>> load)
    {
        // Serialised so that two reloads racing cannot swap in the older of their two results last.
        lock (_reloading)
        {
            var result = load();
            if (result.RuleSet is { } loaded)
            {
                Volatile.Write(ref _current, loaded);
                Generation++;
                return new RuleReloadResult<TEvent>(true, result.Diagnostics, loaded, Generation);
            }
            return new RuleReloadResult<TEvent>(false, result.Diagnostics, Current, Generation);
        }
    }
}
