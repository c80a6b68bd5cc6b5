namespace Vigil.Runtime.Tests.Grains;

[GrainType("test.slownote")]
public interface ISlowNoteGrain : IGrainWithStringKey
{
    Task SetLaterAsync(string text);

    Task<string?> GetAsync();
}
