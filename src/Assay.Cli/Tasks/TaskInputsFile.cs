using Assay.Compute.Tasks;

namespace Assay.Cli.Tasks;

/// <summary>The canonical inputs of a task held beside its spec (<c>--inputs-out</c>, <c>--inputs</c>): written whole, read back only after a size check.</summary>
public static class TaskInputsFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> whole or not at all (a temporary file, then a rename).</summary>
    /// <exception cref="IOException">The path cannot be written; the target is unchanged.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || Path.GetFileName(full).Length == 0 || Directory.Exists(full))
        {
            throw new IOException($"'{path}' is a directory; give a file name.");
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The address a spec at <paramref name="specPath"/> records for inputs written to <paramref name="inputsPath"/>: the path relative to the spec's folder, with '/' separators.</summary>
    public static string AddressFor(string specPath, string inputsPath)
    {
        var specDirectory = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        return Path.GetRelativePath(specDirectory, Path.GetFullPath(inputsPath)).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The spec with its inputs attached: from <paramref name="inputsPath"/> when given, else from its address resolved against the spec file's folder.</summary>
    /// <remarks>The content's length and hash are checked against the spec (<see cref="TaskSpec.WithInputs"/>) before anything uses it.</remarks>
    /// <exception cref="TaskFileException">The file is missing, too large, a URL this command cannot fetch, or its hash does not match (message starts with <c>inputs:</c>).</exception>
    public static TaskSpec Attach(TaskSpec spec, string specPath, string? inputsPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (inputsPath is null && spec.InputsInline)
        {
            return spec;
        }

        var path = inputsPath ?? Resolve(spec.InputsAddress!, specPath);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new TaskFileException($"inputs: {path}: no such file (the spec's inputs are at '{spec.InputsAddress ?? "inline"}'; give --inputs FILE).");
            }

            if (info.Length > TaskSpec.MaxReferencedInputBytes)
            {
                throw new TaskFileException($"inputs: {path}: larger than {TaskSpec.MaxReferencedInputBytes} bytes.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskFileException($"inputs: {path}: cannot read: {e.Message}");
        }

        try
        {
            return spec.WithInputs(bytes);
        }
        catch (TaskSpecException e)
        {
            throw new TaskFileException($"inputs: {path}: {e.Message}");
        }
    }

    private static string Resolve(string address, string specPath)
    {
        if (address.Contains("://", StringComparison.Ordinal))
        {
            throw new TaskFileException($"inputs: the spec's inputs are at '{address}', which this command does not fetch; download them and give --inputs FILE.");
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, address.Replace('/', Path.DirectorySeparatorChar));
    }
}
