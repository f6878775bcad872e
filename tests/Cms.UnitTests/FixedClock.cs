namespace Cms.UnitTests;

/// <summary>A clock that always reads the same moment, so "in the future" means the same thing on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
