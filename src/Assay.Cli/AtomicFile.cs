using System.Text;

namespace Assay.Cli;

/// <summary>Writes a file whole or not at all: a temporary file beside the target, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    /// <exception cref="IOException">The path names a directory or cannot be written; the target is unchanged.</exception>
    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    /// <summary>Lets <paramref name="write"/> fill a UTF-8 writer, then replaces <paramref name="path"/> with the result in one rename.</summary>
    /// <exception cref="IOException">The path names a directory or cannot be written; the target is unchanged.</exception>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        var name = Path.GetFileName(full);
        if (directory is null || name.Length == 0 || Directory.Exists(full))
        {
            throw new IOException($"'{path}' is a directory; give a file name.");
        }

        var temp = Path.Combine(directory, $".{name}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
