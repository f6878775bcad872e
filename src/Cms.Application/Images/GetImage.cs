using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Images;

public static class GetImage
{
    public sealed record Query(Guid Id, string? Fields = null) : IQuery<ImageResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => ImageFields.Parse(f) is not null).WithMessage(SparseFields.Describe(ImageFields.All));
    }

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, ImageResponse>
    {
        public async ValueTask<ImageResponse> Handle(Query query, CancellationToken ct) =>
            await ImageReads.ReadAsync(db, query.Id, ct, ImageFields.Parse(query.Fields));
    }
}
