using Xunit;
using System.Reflection;
using System.Text.Json;
using Portal.ServiceDefaults.Problems;

namespace Portal.Testing;

/// <summary>
/// Given events, when a command is decided, then these events (or this refusal). State is rebuilt the way Marten
/// live-aggregates it: the public static <c>Create(first event)</c>, then public <c>Apply(event)</c> for each next
/// one, so a missing or private method fails here as it would silently fail there. Events are compared by type and
/// JSON, which also proves they survive System.Text.Json.
/// </summary>
public sealed class DeciderSpec<TState> where TState : class
{
    readonly object[] given;
    Func<TState?, IEnumerable<object>>? decide;

    DeciderSpec(object[] given) => this.given = given;

    public static DeciderSpec<TState> Given(params object[] events) => new(events);

    /// <summary>A command on an existing stream.</summary>
    public DeciderSpec<TState> When(Func<TState, IEnumerable<object>> decision)
    {
        decide = state => decision(state ?? throw new InvalidOperationException("When needs given events; use WhenStarting for a new stream."));
        return this;
    }

    /// <summary>A command that starts a stream (the decider is handed null when nothing is given).</summary>
    public DeciderSpec<TState> WhenStarting(Func<TState?, IEnumerable<object>> decision)
    {
        decide = decision;
        return this;
    }

    public void Then(params object[] expected)
    {
        var actual = Decide();
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        StateAfter([.. given, .. actual]);
    }

    public void ThenNothing() => Assert.Empty(Decide());

    public void ThenRefused(string message) => Assert.Equal(message, Assert.Throws<RuleViolation>(() => Decide()).Message);

    public void ThenNotFound(string message) => Assert.Equal(message, Assert.Throws<NotFound>(() => Decide()).Message);

    public void ThenInvalid(string field, string message)
    {
        var error = Assert.Throws<ValidationFailed>(() => Decide());
        Assert.True(error.Errors.ContainsKey(field), $"Expected an error on '{field}', got: {string.Join(", ", error.Errors.Keys)}.");
        Assert.Equal(new[] { message }, error.Errors[field]);
    }

    object[] Decide()
    {
        var state = given.Length == 0 ? null : StateAfter(given);
        return (decide ?? throw new InvalidOperationException("Call When first.")).Invoke(state).ToArray();
    }

    public static TState StateAfter(params object[] events)
    {
        Assert.NotEmpty(events);
        var create = typeof(TState).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [events[0].GetType()]);
        Assert.True(create is not null, $"{typeof(TState).Name} has no public static Create({events[0].GetType().Name}).");
        var state = (TState)create.Invoke(null, [events[0]])!;
        foreach (var e in events.Skip(1))
        {
            var apply = typeof(TState).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [e.GetType()]);
            Assert.True(apply is not null && apply.ReturnType == typeof(TState),
                $"{typeof(TState).Name} has no public {typeof(TState).Name} Apply({e.GetType().Name}).");
            state = (TState)apply.Invoke(state, [e])!;
        }
        return state;
    }

    static string Describe(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
