namespace Vigil.Ingestion.Tests.Support;

/// <summary>The project's own small inputs, written for these tests so every format is covered without ../shared.</summary>
internal static class Samples
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
