using System.Data.Common;
using System.Text;

namespace Vigil.Silo.AlertIndex;

/// <summary>
/// Builds the index's SELECTs. Values always travel as parameters; only column names chosen from a fixed list are
/// written into the text. <c>@name</c> placeholders suit both Microsoft.Data.Sqlite and Npgsql.
/// </summary>
public sealed class AlertSql
{
    private readonly StringBuilder _where = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    public static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static string Column(AlertSort sort) => sort switch
    {
        AlertSort.LastSeen => "last_seen",
        AlertSort.FirstSeen => "first_seen",
        AlertSort.Severity => "severity_rank",
        AlertSort.Count => "seen_count",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    public static AlertSql Where(AlertFilter filter)
    {
        var sql = new AlertSql();
        sql.AnyOf("cluster", filter.Clusters);
        sql.AnyOf("namespace", filter.Namespaces);
        sql.AnyOf("rule_id", filter.Rules);
        sql.AnyOf("severity_rank", [.. filter.Severities.Select(s => (object)(int)s)]);
        sql.AnyOf("status", [.. filter.Statuses.Select(s => (object)s.ToString())]);
        if (filter.MinimumSeverity is { } minimum)
        {
            sql.And($"severity_rank >= {sql.Parameter((int)minimum)}");
        }
        if (filter.Since is { } since)
        {
            sql.And($"last_seen >= {sql.Parameter(Micros(since))}");
        }
        return sql;
    }

    /// <summary>Rows strictly after the cursor in its order.</summary>
    public void After(AlertCursor cursor)
    {
        var column = Column(cursor.Sort);
        var op = cursor.Descending ? "<" : ">";
        var value = Parameter(cursor.Value);
        And($"({column} {op} {value} OR ({column} = {value} AND alert_id {op} {Parameter(cursor.AlertId)}))");
    }

    public string WhereClause => _where.Length == 0 ? "" : " WHERE " + _where;

    public string Parameter(object value)
    {
        var name = $"@p{_parameters.Count}";
        _parameters.Add((name, value));
        return name;
    }

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private void AnyOf(string column, IEnumerable<object> values)
    {
        var names = values.Select(Parameter).ToList();
        if (names.Count > 0)
        {
            And($"{column} IN ({string.Join(", ", names)})");
        }
    }

    private void And(string condition)
    {
        if (_where.Length > 0)
        {
            _where.Append(" AND ");
        }
        _where.Append(condition);
    }
}
