using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Api.Alerts;

/// <summary>
/// Reads the query string of the alert endpoints. Lists take repeated parameters or commas
/// (<c>severity=High,Medium</c>); parameter names and Vigil's words (severity, status, sort, order) are
/// case-insensitive, Kubernetes' names (cluster, namespace) and rule ids exact. An unknown parameter is an
/// error rather than ignored, so a typo never silently widens a query.
/// </summary>
public static class AlertQueryParser
{
    private static readonly string[] FilterKeys = ["cluster", "namespace", "rule", "severity", "minSeverity", "status", "since"];
    private static readonly string[] PageKeys = ["limit", "offset", "cursor", "sort", "order"];

    /// <summary>Every query parameter a list takes, for the OpenAPI document.</summary>
    public static IReadOnlyList<string> ListKeys { get; } = [.. FilterKeys, .. PageKeys];

    /// <summary>Every query parameter the stream takes: the filter without <c>since</c>.</summary>
    public static IReadOnlyList<string> StreamKeys { get; } = [.. FilterKeys.Where(k => k != "since")];

    public static bool TryParseQuery(IQueryCollection query, string? routeCluster, [NotNullWhen(true)] out AlertQuery? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (!TryParseFilter(query, routeCluster, ListKeys, out var filter, out error))
        {
            return false;
        }
        var sort = AlertSort.LastSeen;
        if (Single(query, "sort") is { } sortText && !TrySort(sortText, out sort))
        {
            error = $"sort must be one of lastSeen, firstSeen, severity, count; got '{sortText}'.";
            return false;
        }
        var descending = true;
        if (Single(query, "order") is { } order)
        {
            if (!order.Equals("asc", StringComparison.OrdinalIgnoreCase) && !order.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                error = $"order must be asc or desc; got '{order}'.";
                return false;
            }
            descending = order.Equals("desc", StringComparison.OrdinalIgnoreCase);
        }
        if (!TryInt(query, "limit", 1, AlertQuery.MaxLimit, AlertQuery.DefaultLimit, out var limit, out error)
            || !TryInt(query, "offset", 0, int.MaxValue, 0, out var offset, out error))
        {
            return false;
        }
        AlertCursor? after = null;
        if (Single(query, "cursor") is { } cursorText)
        {
            if (query.ContainsKey("offset"))
            {
                error = "Give cursor or offset, not both.";
                return false;
            }
            if (!AlertCursor.TryDecode(cursorText, out after))
            {
                error = "cursor is not one this API handed out (pass nextCursor from the previous page unchanged).";
                return false;
            }
            if (after.Sort != sort || after.Descending != descending)
            {
                error = "cursor belongs to another sort or order: repeat the previous page's sort and order with it.";
                return false;
            }
        }
        result = new AlertQuery { Filter = filter, Sort = sort, Descending = descending, Limit = limit, Offset = offset, After = after };
        return true;
    }

    /// <summary>The filter alone, for the stream: paging and sorting mean nothing there.</summary>
    public static bool TryParseStreamFilter(IQueryCollection query, string? routeCluster, [NotNullWhen(true)] out AlertFilter? filter, [NotNullWhen(false)] out string? error) =>
        TryParseFilter(query, routeCluster, StreamKeys, out filter, out error);

    private static bool TryParseFilter(IQueryCollection query, string? routeCluster, IReadOnlyList<string> allowed, [NotNullWhen(true)] out AlertFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        if (query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            error = $"Unknown query parameter '{unknown}'. Known: {string.Join(", ", allowed)}.";
            return false;
        }
        var clusters = List(query, "cluster");
        if (routeCluster is not null)
        {
            if (clusters.Any(c => c != routeCluster))
            {
                error = $"The cluster parameter names another cluster than the path ('{routeCluster}').";
                return false;
            }
            clusters = [routeCluster];
        }
        if (!TryEnums<Severity>(query, "severity", out var severities, out error)
            || !TryEnums<AlertStatus>(query, "status", out var statuses, out error))
        {
            return false;
        }
        Severity? minimum = null;
        if (Single(query, "minSeverity") is { } minText)
        {
            if (!TryEnum<Severity>(minText, out var parsed))
            {
                error = $"minSeverity must be one of {Names<Severity>()}; got '{minText}'.";
                return false;
            }
            minimum = parsed;
        }
        DateTimeOffset? since = null;
        if (Single(query, "since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                || !sinceText.Contains('T', StringComparison.Ordinal))
            {
                error = $"since must be an ISO 8601 instant such as 2026-01-31T12:00:00Z; got '{sinceText}'.";
                return false;
            }
            since = parsed;
        }
        filter = new AlertFilter
        {
            Clusters = clusters,
            Namespaces = List(query, "namespace"),
            Rules = List(query, "rule"),
            Severities = severities,
            MinimumSeverity = minimum,
            Statuses = statuses,
            Since = since,
        };
        error = null;
        return true;
    }

    private static List<string> List(IQueryCollection query, string key) =>
        [.. query[key].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static string? Single(IQueryCollection query, string key) => query[key] is { Count: > 0 } values ? values[^1] : null;

    private static bool TryEnums<T>(IQueryCollection query, string key, out List<T> values, [NotNullWhen(false)] out string? error)
        where T : struct, Enum
    {
        values = [];
        foreach (var text in List(query, key))
        {
            if (!TryEnum<T>(text, out var value))
            {
                error = $"{key} must be one or more of {Names<T>()}; got '{text}'.";
                return false;
            }
            values.Add(value);
        }
        error = null;
        return true;
    }

    /// <summary>By name only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take "7" as well.</summary>
    public static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    private static bool TrySort(string text, out AlertSort sort) => TryEnum(text, out sort);

    private static bool TryInt(IQueryCollection query, string key, int min, int max, int fallback, out int value, [NotNullWhen(false)] out string? error)
    {
        value = fallback;
        error = null;
        if (Single(query, key) is not { } text)
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = max == int.MaxValue ? $"{key} must be a whole number of at least {min}; got '{text}'." : $"{key} must be a whole number from {min} to {max}; got '{text}'.";
            return false;
        }
        return true;
    }
}
