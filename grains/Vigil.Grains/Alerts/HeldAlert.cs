using Vigil.Runtime;

namespace Vigil.Grains.Alerts;

/// <summary>
/// An alert as the feed carries it: with the grain that holds it, so an index can route a status change back to that
/// grain. <see cref="Republished"/> marks the grain re-announcing alerts it already held when it activated (a commit
/// whose announcement a crash may have cut off), not a change.
/// </summary>
public sealed record HeldAlert(GrainId? Holder, Alert Alert, bool Republished = false);
