using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Assay.Cli.Commands;

/// <summary>CPU time of the calling thread, for benchmarks on a machine shared with other work.</summary>
/// <remarks>On Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> (nanosecond resolution); elsewhere the process CPU
/// time, which also counts the runtime's background threads (JIT, GC) and so overstates a single-threaded run.</remarks>
internal static class TaskBenchClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether <see cref="Seconds"/> measures the calling thread only (true on Linux).</summary>
    public static bool IsThreadTime { get; } = OperatingSystem.IsLinux() && TryThread(out _);

    /// <summary>CPU seconds consumed so far by the calling thread (or the process, see <see cref="IsThreadTime"/>).</summary>
    public static double Seconds() =>
        IsThreadTime && TryThread(out var seconds) ? seconds : Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static bool TryThread(out double seconds)
    {
        seconds = 0.0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
            {
                return false;
            }

            seconds = spec.Seconds + (spec.Nanoseconds * 1e-9);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
