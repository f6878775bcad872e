namespace Cms.Application.Posts;

/// <summary>
/// A command that writes one post, and no other, through the request's own unit of work (create, update,
/// patch, delete). The output cache relies on it: after such a command, another post's answer cannot have
/// changed (see Cms.Api.Caching.EvictContentCache).
/// </summary>
public interface IPostWrite;
