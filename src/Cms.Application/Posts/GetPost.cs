using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
            return await ReadAsync(db, p => p.Id == query.Id, query.Id.ToString(), unpublished, query.Fields, now, ct);
        }
    }

    public static Task<PostResponse> ReadAsync(ICmsDb db, Guid id, bool includeUnpublished, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, p => p.Id == id, id.ToString(), includeUnpublished, null, now, ct);

    public static async Task<PostResponse> ReadAsync(ICmsDb db, System.Linq.Expressions.Expression<Func<Domain.Post, bool>> which,
        string key, bool includeUnpublished, string? fields, DateTimeOffset now, CancellationToken ct)
    {
        var selected = SparseFields.Parse(fields, PostFields.All, PostFields.ItemDefaults)!;
        var row = await db.Posts.AsNoTracking()
            .Where(which)
            .VisibleTo(includeUnpublished, now)
            .Select(PostFields.Select(selected, [], q: null, language: "simple"))
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Post", key);
        await PostRelations.LoadAsync(db, [row], selected, ct);
        return row.ToResponse(now, selected);
    }
}
