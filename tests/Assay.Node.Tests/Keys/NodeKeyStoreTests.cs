using Assay.Node.Keys;

namespace Assay.Node.Tests.Keys;

public sealed class NodeKeyStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-node-key-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void CreatesOnceThenLoadsTheSameKey()
    {
        var path = Path.Combine(_dir, "sub", "node.pem");
        using var first = NodeKeyStore.LoadOrCreate(path, null, out var created);
        Assert.True(created);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var second = NodeKeyStore.LoadOrCreate(path, null, out var createdAgain);
        Assert.False(createdAgain);
        Assert.Equal(first.Address, second.Address);
    }

    [Fact]
    public void AGarbageFileIsRefusedNotReplaced()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "bad.pem");
        File.WriteAllText(path, "not a key");
        var e = Assert.Throws<NodeKeyException>(() => NodeKeyStore.LoadOrCreate(path, null, out _));
        Assert.Contains("bad.pem", e.Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(path));
    }
}
