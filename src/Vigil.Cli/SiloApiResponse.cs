using System.Text.Json;

namespace Vigil.Cli;

/// <summary>What a silo answered (status and JSON body), or why nothing was answered (<see cref="Status"/> 0).</summary>
public sealed record SiloApiResponse(int Status, bool Succeeded, JsonElement? Body, string? Failure = null)
{
    public static SiloApiResponse Unreachable(string why) => new(0, false, null, why);

    /// <summary>One line for the user: the silo's own <c>{"error"}</c> where it sent one.</summary>
    public string Problem => Failure
        ?? (Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error)
            ? $"the silo refused ({Status}): {error.GetString()}"
            : $"the silo answered {Status}{(Status == 404 ? " (is this a Vigil silo of this version?)" : "")}");
}
