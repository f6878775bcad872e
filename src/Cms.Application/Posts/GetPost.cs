using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using FluentValidation;
using Mediator;

namespace Cms.Application.Posts;

public static class GetPost
{
    /// <param name="IncludeUnpublished">True for the admin scope; readers get 404 for drafts and scheduled posts.</param>
    /// <param name="Fields">Comma list of fields to return; all but highlight by default.</param>
    /// <param name="Preview">A preview token for this post: it shows the post whatever its status.</param>
    public sealed record Query(Guid Id, bool IncludeUnpublished, string? Fields = null, string? Preview = null) : IQuery<PostResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => SparseFields.Parse(f, PostFields.All, PostFields.ItemDefaults) is not null)
            .WithMessage(SparseFields.Describe(PostFields.All));
    }

    public sealed class Handler(ICmsDb db, PreviewTokens previews, TimeProvider clock) : IQueryHandler<Query, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var unpublished = query.IncludeUnpublished || await previews.AllowsAsync(query.Preview, query.Id, now, ct);
            return await ReadAsync(db, post => post.Id(query.Id), query.Id.ToString(), unpublished, query.Fields, now, ct);
        }
    }

    public static Task<PostResponse> ReadAsync(ICmsDb db, Guid id, bool includeUnpublished, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, post => post.Id(id), id.ToString(), includeUnpublished, null, now, ct);

    /// <summary>One post, with its bylines and tags, in one statement (<see cref="PostPage"/>).</summary>
    /// <param name="which">Selects the post: by id or by slug.</param>
    public static async Task<PostResponse> ReadAsync(ICmsDb db, Func<PostPage, PostPage> which,
        string key, bool includeUnpublished, string? fields, DateTimeOffset now, CancellationToken ct)
    {
        var selected = SparseFields.Parse(fields, PostFields.All, PostFields.ItemDefaults)!;
        var rows = await which(new PostPage(selected)).Visible(includeUnpublished, now).ReadAsync(db, [], 1, 0, ct);
        var row = rows.Count == 1 ? rows[0] : throw new NotFoundException("Post", key);
        return row.ToResponse(now, selected);
    }
}
