using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, in a temporary directory, that the test may stop and start
/// without disturbing the server every other test uses. As root it runs as the postgres user.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dataDir;

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=cms;Password=cms;Timeout=3;Command Timeout=10";

    private PrivatePostgres(string bin, string dataDir, int port)
    {
        _bin = bin;
        _dataDir = dataDir;
        Port = port;
    }

    public static async Task<PrivatePostgres> CreateAsync()
    {
        var bin = Environment.GetEnvironmentVariable("CMS_PG_BIN")
            ?? Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin")).OrderBy(d => d).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found; set CMS_PG_BIN.");
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cms-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var pwfile = System.IO.Path.Combine(dir, "pw");
        await File.WriteAllTextAsync(pwfile, "cms\n");
        var data = System.IO.Path.Combine(dir, "data");
        if (IsRoot) await RunAsync("chown", "-R", "postgres", dir);
        var server = new PrivatePostgres(bin, data, FreePort());
        await server.AsPostgresAsync("initdb", "-D", data, "-U", "cms", "--pwfile=" + pwfile, "-E", "UTF8", "--auth=scram-sha-256");
        await File.AppendAllTextAsync(System.IO.Path.Combine(data, "postgresql.conf"),
            $"\nport = {server.Port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\n");
        await server.StartAsync();
        return server;
    }

    public Task StartAsync() => AsPostgresAsync("pg_ctl", "-D", _dataDir, "-l", System.IO.Path.Combine(_dataDir, "server.log"), "-w", "-t", "60", "start");

    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", _dataDir, "-m", "fast", "-w", "stop");

    /// <summary>Stops the server the way a crash would: no checkpoint, connections cut, recovery at the next start.</summary>
    public Task KillAsync() => AsPostgresAsync("pg_ctl", "-D", _dataDir, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (InvalidOperationException) { }
        Directory.Delete(System.IO.Path.GetDirectoryName(_dataDir)!, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgresAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", System.IO.Path.Combine(_bin, tool), .. args])
               : RunAsync(System.IO.Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
