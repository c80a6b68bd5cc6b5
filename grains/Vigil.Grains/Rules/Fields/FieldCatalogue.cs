using System.Net;

namespace Vigil.Grains.Rules;

/// <summary>
/// The fields conditions may name, supplied by whoever owns the event type: the engine knows nothing of events
/// beyond these accessors, so the event model can change without touching it.
/// </summary>
public sealed class FieldCatalogue<TEvent>
{
    public const string DefaultEventTypeField = "evt.type";

    private readonly Dictionary<string, FieldDefinition<TEvent>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleSource> _sources = new(StringComparer.Ordinal);
    private RuleSource? _scope;

    public IEnumerable<FieldDefinition<TEvent>> Fields => _fields.Values;

    /// <summary>The event's ancestors, nearest first (parent, grandparent, ...); null or empty for none.</summary>
    public Func<TEvent, IReadOnlyList<TEvent>?>? Ancestors { get; private set; }

    /// <summary>The string field that names an event's type; rules that pin it are only evaluated for that type.</summary>
    public string EventTypeField { get; private set; } = DefaultEventTypeField;

    public FieldCatalogue<TEvent> Add(FieldDefinition<TEvent> field)
    {
        if (!_fields.TryAdd(field.Name, field))
        {
            throw new ArgumentException($"Field '{field.Name}' is already in the catalogue.", nameof(field));
        }
        if (_scope is { } source)
        {
            _sources[field.Name] = source;
        }
        return this;
    }

    /// <summary>
    /// Fields added by <paramref name="register"/> exist only in events of <paramref name="source"/>, so a rule of
    /// another source that names one can never match (VR016). Fields added outside any scope suit every source.
    /// </summary>
    public FieldCatalogue<TEvent> ForSource(RuleSource source, Func<FieldCatalogue<TEvent>, FieldCatalogue<TEvent>> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        if (_scope is not null)
        {
            throw new InvalidOperationException("Source scopes do not nest: a field belongs to one source or to all.");
        }
        _scope = source;
        try
        {
            return register(this);
        }
        finally
        {
            _scope = null;
        }
    }

    /// <summary>The only source whose events carry the field, or null when every source's events may.</summary>
    public RuleSource? SourceOf(string name) => _sources.TryGetValue(name, out var source) ? source : null;

    public FieldCatalogue<TEvent> AddString(string name, Func<TEvent, string?> get) => Add(new StringField<TEvent>(name, get));

    public FieldCatalogue<TEvent> AddStringList(string name, Func<TEvent, IReadOnlyList<string>?> get) =>
        Add(new StringListField<TEvent>(name, get));

    public FieldCatalogue<TEvent> AddInteger(string name, Func<TEvent, long?> get) => Add(new IntegerField<TEvent>(name, get));

    public FieldCatalogue<TEvent> AddIpAddress(string name, Func<TEvent, IPAddress?> get) =>
        Add(new IpAddressField<TEvent>(name, get));

    public FieldCatalogue<TEvent> AddBoolean(string name, Func<TEvent, bool?> get) => Add(new BooleanField<TEvent>(name, get));

    public FieldCatalogue<TEvent> WithAncestors(Func<TEvent, IReadOnlyList<TEvent>?> ancestors)
    {
        Ancestors = ancestors;
        return this;
    }

    public FieldCatalogue<TEvent> WithEventTypeField(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EventTypeField = name;
        return this;
    }

    public bool TryGet(string name, out FieldDefinition<TEvent> field) => _fields.TryGetValue(name, out field!);

    /// <summary>The accessor of the event-type field, when the catalogue has one of string type.</summary>
    internal Func<TEvent, string?>? EventTypeAccessor =>
        _fields.TryGetValue(EventTypeField, out var f) && f is StringField<TEvent> s ? s.Get : null;
}
