namespace Cms.Application.Images;

/// <summary>
/// Serialises the writes that touch one hash in this process (upload, delete), so that a failed
/// upload never removes a file that a concurrent upload of the same bytes has just pointed a row at.
/// Striped: a fixed number of semaphores, whatever the number of hashes.
/// </summary>
public sealed class ImageLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> AcquireAsync(string sha256, CancellationToken ct)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(sha256) % _stripes.Length];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
