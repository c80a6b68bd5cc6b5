namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.note")]
public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Writes the note and returns once it is committed.</summary>
    Task SetAsync(string text);

    /// <summary>Changes the note and only marks the state dirty: deactivation writes it.</summary>
    Task SetLaterAsync(string text);

    Task<string?> GetAsync();

    Task ClearAsync();
}
