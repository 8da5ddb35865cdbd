using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Cli.Tasks;

/// <summary>Reads bounded JSON files and typed fields, turning every failure into a <see cref="TaskFileException"/> that names the field.</summary>
public static class JsonFiles
{
    /// <summary>The top-level object of the JSON file at <paramref name="path"/>, at most <paramref name="maxBytes"/> long.</summary>
    /// <exception cref="TaskFileException">Missing, too large, not JSON or not an object.</exception>
    public static JsonObject ReadObject(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new TaskFileException($"{path}: no such file.");
            }

            if (info.Length > maxBytes)
            {
                throw new TaskFileException($"{path}: larger than {maxBytes} bytes.");
            }

            var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
            var json = node as JsonObject ?? throw new TaskFileException($"{path}: not a JSON object.");

            // Materialise the properties now, so a duplicate name fails here and not at some later field access.
            _ = json.Count;
            return json;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new TaskFileException($"{path}: not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskFileException($"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>The object field <paramref name="name"/>.</summary>
    public static JsonObject Object(JsonObject json, string name, string path) =>
        json[name] as JsonObject ?? throw new TaskFileException($"{path}: {name}: missing or not an object.");

    /// <summary>The string field <paramref name="name"/>.</summary>
    public static string String(JsonObject json, string name, string path) => Value<string>(json, name, path);

    /// <summary>The field <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    public static T Value<T>(JsonObject json, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return json[name] is JsonValue value ? value.GetValue<T>() : throw new TaskFileException($"{path}: {name}: missing.");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new TaskFileException($"{path}: {name}: not a {typeof(T).Name}: {e.Message}");
        }
    }

    /// <summary>The hex field <paramref name="name"/> as bytes.</summary>
    public static byte[] Hex(JsonObject json, string name, string path)
    {
        var text = String(json, name, path);
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new TaskFileException($"{path}: {name}: not hex.");
        }
    }
}
