namespace Assay.Sequencer.Production;

/// <summary>Where the sequencer is in its life: only <see cref="Running"/> accepts transactions.</summary>
internal enum HostPhase
{
    /// <summary>Opening the store and rebuilding indexes.</summary>
    Starting,

    /// <summary>Producing blocks.</summary>
    Running,

    /// <summary>A block could not be applied or stored; production stopped.</summary>
    Faulted,

    /// <summary>Shutting down.</summary>
    Stopping,
}
