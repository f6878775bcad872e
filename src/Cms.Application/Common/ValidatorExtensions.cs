using FluentValidation;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.Application.Common;

public static class ValidatorExtensions
{
    /// <summary>For input that only exists inside a handler (a merge patch applied to the current state).</summary>
    public static async Task ValidateOrThrowAsync<T>(this IValidator<T> validator, T instance, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(instance, ct);
        if (!result.IsValid) throw ValidationException.From(result.Errors);
    }
}
