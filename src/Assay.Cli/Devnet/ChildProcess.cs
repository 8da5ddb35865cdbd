using System.Diagnostics;
using System.Reflection;

namespace Assay.Cli.Devnet;

/// <summary>A child <c>assay</c> process of the devnet, its output copied to a log file; killed with its whole tree on disposal.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    /// <summary>A short name (<c>sequencer</c>, <c>node-1</c>).</summary>
    public string Name { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The command that starts this same <c>assay</c>: the apphost itself, or <c>dotnet assay.dll</c> when running under the dotnet host.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) AssayCommandLine()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var entry = Assembly.GetEntryAssembly()?.Location;
        var isHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (isHost || entry is null || Path.GetFileNameWithoutExtension(entry) != "assay")
        {
            // Under `dotnet assay.dll`, or inside another host (tests): run assay.dll beside this assembly.
            var dll = Path.Combine(AppContext.BaseDirectory, "assay.dll");
            return (isHost ? processPath : "dotnet", [dll]);
        }

        return (processPath, []);
    }

    /// <summary>Starts <c>assay ARGS</c> with its standard output and error appended to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string name, IEnumerable<string> arguments, string logPath)
    {
        var (file, prefix) = AssayCommandLine();
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var p in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(p);
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        child.Write($"# {DateTime.UtcNow:O} {file} {string.Join(' ', info.ArgumentList)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks the process to stop (SIGTERM on Unix), waits up to <paramref name="grace"/>, then kills its tree.</summary>
    public void Stop(TimeSpan grace)
    {
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            if (!OperatingSystem.IsWindows() && SendTerm(_process.Id) && _process.WaitForExit(grace))
            {
                return;
            }

            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Kills the process tree at once (SIGKILL), as a crash would.</summary>
    public void KillHard()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        KillHard();
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The devnet is shutting down.
            }
        }
    }

    /// <summary>Sends SIGTERM through the system's <c>kill</c> command (no native interop needed).</summary>
    private static bool SendTerm(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
            return kill is not null && kill.WaitForExit(5_000) && kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
