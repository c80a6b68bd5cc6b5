using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>A downloaded file on its way to being run: the write that brought it and, once seen, the chmod that made it executable.</summary>
public sealed record DownloadRecord(string Path, DateTimeOffset Time, AlertEvidence Download, AlertEvidence? Chmod);
