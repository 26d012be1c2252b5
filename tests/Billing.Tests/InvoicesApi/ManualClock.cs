namespace Portal.Billing.Tests.InvoicesApi;

/// <summary>A clock that stands still until the test moves it, and whose timers fire only when the test says so.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private readonly List<ManualTimer> timers = [];

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state);
        lock (timers) timers.Add(timer);
        return timer;
    }

    /// <summary>Moves the clock on and fires every timer once, as if their period had passed.</summary>
    public void Advance(TimeSpan by)
    {
        Now += by;
        ManualTimer[] due;
        lock (timers) due = [.. timers];
        foreach (var timer in due) timer.Fire();
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        private bool disposed;

        public void Fire()
        {
            if (!disposed) callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !disposed;

        public void Dispose() => disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
