namespace Portal.ServiceDefaults.Problems;

/// <summary>A command refused by a decider because of the state it met (answers 409 with this message).</summary>
public class RuleViolation(string message) : Exception(message);

/// <summary>Input that cannot be accepted, field by field (answers 400 with the errors listed).</summary>
public class ValidationFailed(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailed(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] }) { }
}

/// <summary>The resource does not exist for this caller (answers 404; also used for other tenants' resources).</summary>
public class NotFound(string message) : Exception(message);

/// <summary>The caller is known but may not do this here (answers 403).</summary>
public class Forbidden(string message) : Exception(message);

/// <summary>Too many failed attempts: the caller is locked out until <see cref="RetryAfter"/> (answers 429 with Retry-After).</summary>
public class TooManyAttempts(string message, DateTimeOffset retryAfter) : Exception(message)
{
    public DateTimeOffset RetryAfter { get; } = retryAfter;
}
