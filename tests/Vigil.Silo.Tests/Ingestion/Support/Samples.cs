namespace Vigil.Silo.Tests.Ingestion.Support;

/// <summary>The hand-written inputs beside these tests, so every format stays covered where ../shared is absent.</summary>
public static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Ingestion", "Samples", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));
}
