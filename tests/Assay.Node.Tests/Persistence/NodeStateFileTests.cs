using Assay.Node.Persistence;

namespace Assay.Node.Tests.Persistence;

public sealed class NodeStateFileTests : IDisposable
{
    private const string Address = "asy0102030405060708090a0b0c0d0e0f1011121314";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-node-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static NodeState Sample() => NodeState.Empty(Address)
        .With(new PendingTask(new string('a', 64), new string('1', 64), new string('b', 64), PendingTaskStatus.Committed, 17))
        .With(new PendingTask(new string('0', 64), new string('2', 64), string.Empty, PendingTaskStatus.Assigned, 18)) with { LastHeight = 42 };

    [Fact]
    public void MissingFileIsAnEmptyState()
    {
        var state = NodeStateFile.Load(_dir, Address);
        Assert.Equal(0, state.LastHeight);
        Assert.Empty(state.Tasks);
        Assert.Equal(Address, state.Address);
    }

    [Fact]
    public void RoundTrip()
    {
        var state = Sample();
        NodeStateFile.Save(_dir, state);
        var back = NodeStateFile.Load(_dir, Address);
        Assert.True(state.SameAs(back), File.ReadAllText(NodeStateFile.PathIn(_dir)));
        Assert.Equal(new[] { new string('0', 64), new string('a', 64) }, back.Tasks.Keys);
        Assert.Contains("\"status\": \"committed\"", File.ReadAllText(NodeStateFile.PathIn(_dir)), StringComparison.Ordinal);
    }

    [Fact]
    public void SaveReplacesWholeAndLeavesNoTemporaryFile()
    {
        NodeStateFile.Save(_dir, Sample());
        var next = Sample().With(new PendingTask(new string('a', 64), new string('1', 64), new string('b', 64), PendingTaskStatus.Done, 17)) with { LastHeight = 99 };
        NodeStateFile.Save(_dir, next);
        var back = NodeStateFile.Load(_dir, Address);
        Assert.Equal(99, back.LastHeight);
        Assert.Equal(PendingTaskStatus.Done, back.Tasks[new string('a', 64)].Status);
        Assert.Equal(new[] { NodeStateFile.FileName }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedSaveLeavesTheOldFile()
    {
        NodeStateFile.Save(_dir, Sample());
        var before = File.ReadAllText(NodeStateFile.PathIn(_dir));

        // A directory where the temporary file must go makes the write fail before the rename.
        Directory.CreateDirectory(NodeStateFile.PathIn(_dir) + ".tmp");
        var e = Assert.Throws<NodeStateException>(() => NodeStateFile.Save(_dir, Sample() with { LastHeight = 1000 }));
        Assert.Contains(NodeStateFile.FileName, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(NodeStateFile.PathIn(_dir)));
    }

    [Fact]
    public void CorruptOrForeignFilesAreRefusedNamingTheFile()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(NodeStateFile.PathIn(_dir), "{ not json");
        var e = Assert.Throws<NodeStateException>(() => NodeStateFile.Load(_dir, Address));
        Assert.Contains(NodeStateFile.FileName, e.Message, StringComparison.Ordinal);

        NodeStateFile.Save(_dir, Sample());
        var other = "asy" + new string('9', 40);
        var foreign = Assert.Throws<NodeStateException>(() => NodeStateFile.Load(_dir, other));
        Assert.Contains(Address, foreign.Message, StringComparison.Ordinal);
    }
}
