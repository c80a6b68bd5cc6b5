using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Silo;

/// <summary>
/// Reloads the rule directory when a file in it changes (after a short quiet spell, since editors and `git pull`
/// write in bursts) or on SIGHUP. A set that does not compile is logged with every diagnostic and not swapped in:
/// the silo keeps detecting with the set it had.
/// </summary>
public sealed partial class RuleReloader(
    RuleSetHolder<DetectionEvent> holder, IOptions<SiloOptions> options, TimeProvider time, ILogger<RuleReloader> log)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan QuietSpell = TimeSpan.FromMilliseconds(300);

    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private PosixSignalRegistration? _hangup;

    public string Directory => SiloApplication.RulesDirectory(options.Value);

    /// <summary>The outcome of the latest reload attempt, and when it ran; null before the first.</summary>
    public (RuleReloadResult<DetectionEvent> Result, DateTimeOffset At)? Last { get; private set; }

    /// <summary>Raised after every reload attempt, swapped or not.</summary>
    public event Action<RuleReloadResult<DetectionEvent>>? Reloaded;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _debounce = time.CreateTimer(_ => Reload("a file changed"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
        _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            // Handled: SIGHUP's default action would end the process.
            context.Cancel = true;
            Reload("SIGHUP");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _hangup?.Dispose();
    }

    public RuleReloadResult<DetectionEvent> Reload(string reason)
    {
        lock (_gate)
        {
            var result = holder.ReloadDirectory(Directory);
            Last = (result, time.GetUtcNow());
            if (result.Swapped)
            {
                LogSwapped(reason, result.Current.Rules.Count, result.Generation);
            }
            else
            {
                LogRefused(reason, result.Generation, string.Join(Environment.NewLine, result.Diagnostics));
            }
            Reloaded?.Invoke(result);
            return result;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _debounce?.Change(QuietSpell, Timeout.InfiniteTimeSpan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules reloaded ({Reason}): {Count} rules, generation {Generation}")]
    private partial void LogSwapped(string reason, int count, int generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules not reloaded ({Reason}); generation {Generation} stays in force:\n{Diagnostics}")]
    private partial void LogRefused(string reason, int generation, string diagnostics);
}
