namespace Cms.Application.Common;

/// <summary>
/// A query answered without the database (the media bytes, named by their hash on disk): the
/// pipeline opens no connection and leases no DbContext for it, work that was a third of such a
/// request's cost in user code.
/// </summary>
public interface IQueryWithoutDatabase;
