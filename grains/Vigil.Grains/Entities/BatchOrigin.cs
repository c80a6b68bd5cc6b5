namespace Vigil.Grains.Entities;

/// <summary>
/// Which sender batch a grain call carries: the sender, its incarnation (sequences restart with it) and the batch's
/// sequence. A grain that has applied a batch of this sender at or past this sequence ignores it, so a sender that
/// replays unacknowledged batches after a reconnect changes nothing twice.
/// </summary>
public sealed record BatchOrigin(string Sender, string Incarnation, ulong Sequence)
{
    public string SenderKey => $"{Sender}/{Incarnation}";
}
