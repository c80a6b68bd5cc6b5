namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.where")]
public interface IWhereGrain : IGrainWithStringKey
{
    /// <summary>The name of the silo this activation runs on, and the argument back.</summary>
    Task<string> WhereAsync(string echo);

    Task FailAsync(string message);

    [OneWay]
    Task NoteAsync(string value);

    Task<IReadOnlyList<string>> NotesAsync();
}
