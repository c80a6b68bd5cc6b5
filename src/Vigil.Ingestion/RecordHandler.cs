using System.Text.Json;

namespace Vigil.Ingestion;

/// <summary>Turns one top-level JSON value into events, counting each record it holds in the report.</summary>
internal delegate void RecordHandler(JsonElement root, int line, ParseReport report);
