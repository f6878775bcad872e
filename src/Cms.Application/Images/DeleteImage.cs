using Cms.Application.Webhooks;
using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Images;

public static class DeleteImage
{
    public sealed record Command(Guid Id, uint? IfMatch) : ICommand;

    public sealed class Handler(ICmsDb db, IImageStore store, MediaCache media, ImageLocks locks, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var image = await ImageReads.LoadAsync(db, command.Id, command.IfMatch, ct);
            var posts = await db.Posts.CountAsync(p => p.FeatureImageId == image.Id, ct);
            var authors = await db.Authors.CountAsync(a => a.AvatarImageId == image.Id, ct);
            if (posts + authors > 0)
                throw new ConflictException($"The image is used by {posts} post(s) as featureImage and {authors} author(s) as avatarImage. Remove it there first.");

            // The foreign keys (ON DELETE RESTRICT) still refuse the delete if a post took the image meanwhile: a 409.
            using var _ = await locks.AcquireAsync(image.Sha256, ct);
            db.Images.Remove(image);
            Outbox.ImageChanged(db, WebhookEvents.ImageDeleted, image, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (!await db.Images.AnyAsync(i => i.Sha256 == image.Sha256, CancellationToken.None))
            {
                await store.DeleteAsync(image.FileName, CancellationToken.None);
                // GetMedia would 404 anyway (it checks the file before serving a hit); this frees the memory now.
                media.Evict(image.Sha256);
            }
            return Unit.Value;
        }
    }
}
