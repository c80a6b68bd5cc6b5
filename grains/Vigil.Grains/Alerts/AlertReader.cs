using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Vigil.Grains.Alerts;

/// <summary>The alerts of a subscription's entries, for subscribers that need no holder.</summary>
internal sealed class AlertReader(ChannelReader<HeldAlert> entries) : ChannelReader<Alert>
{
    public override Task Completion => entries.Completion;

    public override bool TryRead([MaybeNullWhen(false)] out Alert item)
    {
        if (entries.TryRead(out var entry))
        {
            item = entry.Alert;
            return true;
        }
        item = null;
        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        entries.WaitToReadAsync(cancellationToken);
}
