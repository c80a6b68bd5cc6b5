namespace Vigil.Runtime.Tests.Grains;

public sealed class WhereGrain(SiloName silo, NoteLog log) : Grain, IWhereGrain
{
    private readonly List<string> _notes = [];

    public Task<string> WhereAsync(string echo) => Task.FromResult($"{silo.Name}:{echo}");

    public Task FailAsync(string message) => throw new ArgumentException(message);

    public Task NoteAsync(string value)
    {
        _notes.Add(value);
        log.Add($"{silo.Name}:{value}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> NotesAsync() => Task.FromResult<IReadOnlyList<string>>([.. _notes]);
}
