using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cms.Api.Commands;

/// <summary>
/// The import command runs in a child process with dynamic PGO off (<c>DOTNET_TieredPGO=0</c>). A run of
/// seconds to minutes never earns back what dynamic PGO costs: every hot method (the Markdown renderer,
/// the HTML sanitizer, EF Core's saves) first runs as slow instrumented code and is compiled a third
/// time, and on two busy cores the compiler thread falls behind. Measured on 10,000 posts it was about
/// 40% of the importer's CPU (docs/performance.md, "Importing a Jekyll site"). The API server keeps
/// dynamic PGO: it runs long enough to gain from it. The setting is read when the runtime starts, hence
/// the second process.
/// </summary>
public static class BatchRuntime
{
    private const string Variable = "DOTNET_TieredPGO";

    /// <returns>The child's exit code; null when this process is to run the command itself (it is the child,
    /// the variable was set by whoever started it, or no child could be started).</returns>
    public static int? RunWithoutDynamicPgo(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null || Environment.ProcessPath is not { } host) return null;
        // Standard input, output and error are this process's: the progress and the report go where they would have.
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(BatchRuntime).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "0";
        // Nor does a command need its configuration files watched for changes (a thread that polls them).
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        Process? child;
        try
        {
            child = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        if (child is null) return null;
        using (child)
        {
            // Ctrl+C reaches the whole process group, the child too: it stops as it would have, and this process waits
            // for its exit code. A SIGTERM (docker stop) reaches this process only: the child is ended with it (a batch
            // is one transaction; what was not committed is rolled back, and the import can run again).
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ =>
            {
                try { child.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            });
            child.WaitForExit();
            return child.ExitCode;
        }
    }
}
