namespace Cms.Application.Common;

/// <summary>
/// A command that changes nothing a reader without a key can be shown: API keys, webhooks, preview links. The
/// output cache keeps every answer through it (Cms.Api.Caching.EvictContentCache); every other command evicts.
/// </summary>
public interface IChangesNoContent;
