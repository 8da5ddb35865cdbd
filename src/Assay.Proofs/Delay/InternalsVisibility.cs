using System.Runtime.CompilerServices;

// The Montgomery kernel is internal; its tests compare it with BigInteger directly.
[assembly: InternalsVisibleTo("Assay.Proofs.Tests")]
