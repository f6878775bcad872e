using FluentValidation;
using Mediator;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.Application.Common.Behaviors;

/// <summary>Runs every validator of a message before its handler; failures become one 400.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, ct);
            if (!result.IsValid) (failures ??= []).AddRange(result.Errors);
        }
        if (failures is not null) throw ValidationException.From(failures);
        return await next(message, ct);
    }
}
