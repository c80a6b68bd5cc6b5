using Vigil.Grains.Detection;
using Vigil.Grains.Rules;
using Vigil.Grains.Security;
using Vigil.Silo.Security;

namespace Vigil.Silo;

/// <summary><c>GET /api/v1/rules</c>: the rule set in force on this silo and how its latest reload went.</summary>
public static class RuleEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/api/v1/rules", (RuleReloader reloader, RuleSetHolder<DetectionEvent> holder) => Results.Json(View(reloader, holder)))
            .RequireToken(TokenRole.Viewer)
            .WithTags("Operations")
            .WithSummary("The rule set in force on this silo and its last reload")
            .Produces<RuleSetView>();

    private static RuleSetView View(RuleReloader reloader, RuleSetHolder<DetectionEvent> holder) => new(
        reloader.Directory,
        holder.Generation,
        [.. holder.Current.Rules.Select(r => new RuleView(
            r.Id, r.Metadata.Title, r.Metadata.Severity.ToString(), r.Metadata.Source.ToString().ToLowerInvariant(),
            r.Metadata.Tactic, r.Metadata.Technique, r.Metadata.Enabled))],
        reloader.Last is { } last
            ? new RuleReloadView(last.At, last.Result.Swapped, [.. last.Result.Diagnostics.Select(d => d.ToString())])
            : null);
}
