using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Identities;

/// <summary>How an audit request is named for baselines: <c>verb resource[/subresource]</c>, and its client program.</summary>
public static class AuditOperation
{
    public static string Of(AuditEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var target = value.ObjectRef;
        if (target is null || target.Resource.Length == 0)
        {
            // Non-resource requests (/healthz, /api discovery) are named by their path, without the query.
            var uri = value.RequestUri;
            var query = uri.IndexOf('?', StringComparison.Ordinal);
            return $"{value.Verb} {(query >= 0 ? uri[..query] : uri)}";
        }
        return target.Subresource.Length > 0
            ? $"{value.Verb} {target.Resource}/{target.Subresource}"
            : $"{value.Verb} {target.Resource}";
    }

    /// <summary>
    /// The client program: the user agent's first product token, lower-cased (<c>kubectl/v1.30.2 (linux/amd64)
    /// kubernetes/3968350</c> is <c>kubectl</c>). Client-go names every controller this way, by its binary.
    /// </summary>
    public static string Client(string userAgent)
    {
        var text = userAgent.AsSpan().Trim();
        var end = text.IndexOfAny('/', ' ');
        return (end >= 0 ? text[..end] : text).ToString().ToLowerInvariant();
    }

    public static bool Succeeded(AuditEvent value) => value.ResponseCode is > 0 and < 400;
}
