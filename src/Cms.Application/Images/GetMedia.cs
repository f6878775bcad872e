using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Application.Images;

public static class GetMedia
{
    /// <param name="Width">A width from Cms:Images:VariantWidths, or null for the original bytes.</param>
    /// <remarks>No database: the name is the content's hash, and a deleted image's file is deleted with its row (DeleteImage), so the disk alone answers 404.</remarks>
    public sealed record Query(string Sha256, string Extension, int? Width) : IQuery<MediaFile>, IQueryWithoutDatabase;

    /// <summary>The bytes to serve: in memory (<paramref name="Bytes"/>, from <see cref="MediaCache"/>), or a stream of the file (<paramref name="Content"/>); exactly one of the two.</summary>
    /// <param name="Content">Seekable, so ranges can be served; the caller disposes it.</param>
    /// <param name="Bytes">The whole file; shared with the cache, never written to.</param>
    /// <param name="ETag">Strong: the hash, and the width for a variant (the same name always means the same bytes).</param>
    public sealed record MediaFile(Stream? Content, byte[]? Bytes, string ContentType, string ETag);

    /// <remarks>A singleton, like every validator: the widths are parsed from their setting once.</remarks>
    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IOptions<ImageOptions> options)
        {
            var widths = options.Value.Widths;
            RuleFor(q => q.Width).Must(w => w is null || widths.Contains(w.Value))
                .OverridePropertyName("w").WithMessage("'w' must be one of " + string.Join(", ", widths) + ".");
        }
    }

    public sealed class Handler(IImageStore store, ImageVariants variants, MediaCache cache, ILogger<Handler> logger) : IQueryHandler<Query, MediaFile>
    {
        public async ValueTask<MediaFile> Handle(Query query, CancellationToken ct)
        {
            // Route constraints ignore case; names are lowercase hex, exactly.
            if (query.Sha256.Length != 64 || !query.Sha256.All(char.IsAsciiHexDigitLower)) throw NotFound(query);
            var format = ImageFormat.FromExtension(query.Extension) ?? throw NotFound(query);
            var name = $"{query.Sha256}.{format.Extension}";
            // What was asked for, whichever file answers it (a width at or above the original's is the original).
            var key = query.Width.HasValue ? ImageVariants.NameOf(query.Sha256, query.Width.Value, format) : name;
            if (cache.Get(key) is { } hit)
            {
                // One stat: a file deleted by another instance, or while this entry was being filled, is a 404 here too.
                if (await store.ExistsAsync(hit.FileName, ct)) return new(null, hit.Bytes, hit.ContentType, hit.ETag);
                cache.Remove(key);
            }

            var original = await store.OpenReadAsync(name, ct) ?? throw NotFound(query);
            if (query.Width is not { } width) return await ServeAsync(key, name, original, format, $"\"{query.Sha256}\"", ct);

            var probe = ImageHeader.Read(original);
            original.Position = 0;
            // Never upscaled; GIFs are served as they are, since re-encoding would lose their animation.
            if (format == ImageFormat.Gif || probe.Outcome != ProbeOutcome.Recognised || width >= probe.Width)
                return await ServeAsync(key, name, original, format, $"\"{query.Sha256}\"", ct);
            var variant = ImageVariants.NameOf(query.Sha256, width, format);
            try
            {
                await variants.EnsureAsync(name, variant, format, width, ct);
            }
            catch (InvalidDataException e)
            {
                // Only the header was checked at upload: pixels that do not decode get no variant, and the
                // original (which a browser renders as well as it can) is better than an error on a page.
                // Not cached: the next request tries the variant again.
                logger.LogWarning("No variant {Variant}: {Reason}", variant, e.Message);
                return new(original, null, format.ContentType, $"\"{query.Sha256}\"");
            }
            await original.DisposeAsync();
            var content = await store.OpenReadAsync(variant, ct) ?? throw NotFound(query);
            return await ServeAsync(key, variant, content, format, $"\"{query.Sha256}-w{width}\"", ct);
        }

        /// <summary>A file small enough for the cache is read whole, kept, and served from memory; a larger one (or any, with the cache off) is streamed.</summary>
        private async ValueTask<MediaFile> ServeAsync(string key, string fileName, Stream file, ImageFormat format, string etag, CancellationToken ct)
        {
            if (cache.MaxFileBytes == 0 || file.Length > cache.MaxFileBytes) return new(file, null, format.ContentType, etag);
            var bytes = new byte[file.Length];
            await using (file)
            {
                file.Position = 0;
                await file.ReadExactlyAsync(bytes, ct);
            }
            cache.Add(key, new CachedMedia(bytes, fileName, format.ContentType, etag));
            return new(null, bytes, format.ContentType, etag);
        }

        private static NotFoundException NotFound(Query query) => new("Media", $"{query.Sha256}.{query.Extension}");
    }
}
