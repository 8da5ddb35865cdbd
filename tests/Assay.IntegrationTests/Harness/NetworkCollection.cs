namespace Assay.IntegrationTests.Harness;

/// <summary>Every network test runs alone: each starts several processes on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetworkCollection
{
    public const string Name = "network";
}
