using System.Text.Json;

namespace Vigil.Silo.Security;

/// <summary>
/// <c>DATA_DIR/credentials.json</c>: the first admin and ingest tokens, the one place their raw values are ever
/// kept. Created whole (written aside, then linked into place, never over an existing file) with mode 0600.
/// </summary>
public sealed record SiloCredentials(string AdminToken, string IngestToken)
{
    public const string FileName = "credentials.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    public static SiloCredentials Create() => new(BearerTokens.Create(), BearerTokens.Create());

    /// <summary>The file's tokens; null when there is no file. A file that is not ours throws, naming it.</summary>
    public static SiloCredentials? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var credentials = JsonSerializer.Deserialize<SiloCredentials>(File.ReadAllBytes(path), Json);
            if (credentials is { AdminToken.Length: > 0, IngestToken.Length: > 0 })
            {
                return credentials;
            }
        }
        catch (JsonException)
        {
        }

        throw new IOException($"{path} is not a credentials file with adminToken and ingestToken; move it away to start afresh.");
    }

    /// <summary>Writes the file unless one exists; false (and nothing changed) when one does.</summary>
    public bool TryWriteNew(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var aside = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Born owner-only: never readable by others, not even between create and chmod.
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(aside, create))
            {
                JsonSerializer.Serialize(stream, this, Json);
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite, .NET links the file into place, which fails if the name is taken: no reader ever
            // sees half a file, and a file someone already holds is never replaced.
            File.Move(aside, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(aside);
        }
    }
}
