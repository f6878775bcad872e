namespace Cms.Application.Common;

/// <summary>
/// A query answered without the database (the media bytes, named by their hash on disk): the
/// pipeline leases no DbContext and opens no connection for it (OneConnectionPerQuery would, for
/// every image on every page).
/// </summary>
public interface IQueryWithoutDatabase;
