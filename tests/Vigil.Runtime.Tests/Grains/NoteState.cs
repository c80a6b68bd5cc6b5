namespace Vigil.Runtime.Tests.Grains;

public sealed class NoteState
{
    public string? Text { get; set; }
}
