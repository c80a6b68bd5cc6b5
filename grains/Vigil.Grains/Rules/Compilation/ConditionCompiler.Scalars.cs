using System.Collections.Frozen;
using System.Globalization;
using System.Net;

namespace Vigil.Grains.Rules;

internal sealed partial class ConditionCompiler<TEvent>
{
    private Func<TEvent, bool>? CompileInteger(
        IntegerField<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        if (node.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In
            or ComparisonOperator.Less or ComparisonOperator.LessOrEqual
            or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual))
        {
            return Unsupported(field, node, source);
        }
        var numbers = new List<long>(values.Count);
        foreach (var value in values)
        {
            if (long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.TypeMismatch, source.Locate(value.Offset),
                    $"'{field.Name}' is Integer, and '{value.Text}' is not an integer");
            }
        }
        if (numbers.Count != values.Count)
        {
            return null;
        }
        var get = field.Get;
        if (node.Operator == ComparisonOperator.In)
        {
            var set = numbers.ToFrozenSet();
            return e => get(e) is { } v && set.Contains(v);
        }
        var x = numbers[0];
        return node.Operator switch
        {
            ComparisonOperator.Equal => e => get(e) == x,
            ComparisonOperator.NotEqual => e => get(e) is { } v && v != x,
            ComparisonOperator.Less => e => get(e) < x,
            ComparisonOperator.LessOrEqual => e => get(e) <= x,
            ComparisonOperator.Greater => e => get(e) > x,
            _ => e => get(e) >= x,
        };
    }

    private Func<TEvent, bool>? CompileAddress(
        IpAddressField<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        var get = field.Get;
        if (node.Operator == ComparisonOperator.InCidr)
        {
            var networks = new List<IPNetwork>(values.Count);
            foreach (var value in values)
            {
                if (TryNetwork(value.Text, out var network))
                {
                    networks.Add(network);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.BadAddress, source.Locate(value.Offset),
                        $"'{value.Text}' is not a network (address/prefix with no host bits set, or an address)");
                }
            }
            if (networks.Count != values.Count)
            {
                return null;
            }
            var array = networks.ToArray();
            return e =>
            {
                if (get(e) is not { } address)
                {
                    return false;
                }
                address = Normalize(address);
                foreach (var network in array)
                {
                    if (network.Contains(address))
                    {
                        return true;
                    }
                }
                return false;
            };
        }
        if (node.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In))
        {
            return Unsupported(field, node, source);
        }
        var addresses = new List<IPAddress>(values.Count);
        foreach (var value in values)
        {
            if (IPAddress.TryParse(value.Text, out var address))
            {
                addresses.Add(Normalize(address));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.BadAddress, source.Locate(value.Offset),
                    $"'{value.Text}' is not an IP address{(value.Text.Contains('/') ? " (use in_cidr for networks)" : "")}");
            }
        }
        if (addresses.Count != values.Count)
        {
            return null;
        }
        if (node.Operator == ComparisonOperator.In)
        {
            var set = addresses.ToFrozenSet();
            return e => get(e) is { } a && set.Contains(Normalize(a));
        }
        var expected = addresses[0];
        return node.Operator == ComparisonOperator.Equal
            ? e => get(e) is { } a && expected.Equals(Normalize(a))
            : e => get(e) is { } a && !expected.Equals(Normalize(a));
    }

    /// <summary>
    /// An IPv4 peer seen on a dual-stack socket arrives as ::ffff:a.b.c.d; rules written against 10.0.0.0/8 must
    /// still match it.
    /// </summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool TryNetwork(string text, out IPNetwork network)
    {
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            // 10.1.2.3/8 is almost always a typo for a host or a different prefix, so it is refused, not masked.
            return IPNetwork.TryParse(text, out network)
                && IPAddress.TryParse(text.AsSpan(0, slash), out var written)
                && Normalize(written).Equals(network.BaseAddress);
        }
        if (IPAddress.TryParse(text, out var host))
        {
            host = Normalize(host);
            network = new IPNetwork(host, host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        network = default;
        return false;
    }

    private Func<TEvent, bool>? CompileBoolean(
        BooleanField<TEvent> field, ComparisonNode node, List<OperandValue> values, LocatedText source)
    {
        if (node.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            return Unsupported(field, node, source);
        }
        if (!bool.TryParse(values[0].Text, out var expected))
        {
            diagnostics.Error(DiagnosticCodes.TypeMismatch, source.Locate(values[0].Offset),
                $"'{field.Name}' is Boolean, and '{values[0].Text}' is neither true nor false");
            return null;
        }
        var get = field.Get;
        return node.Operator == ComparisonOperator.Equal
            ? e => get(e) == expected
            : e => get(e) is { } v && v != expected;
    }
}
