using System.Net;
using Portal.Identity.SignIn;

namespace Portal.Identity.Tests.Credentials;

public sealed class AddressThrottleTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void An_address_is_blocked_after_twenty_failures_within_fifteen_minutes_until_the_first_ages_out()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var throttle = new AddressThrottle(clock);
        for (var i = 0; i < AddressThrottle.FailuresAllowed - 1; i++)
        {
            throttle.RecordFailure(Address);
            clock.Now += TimeSpan.FromSeconds(10);
        }
        Assert.Null(throttle.BlockedUntil(Address));

        throttle.RecordFailure(Address);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), throttle.BlockedUntil(Address));
        clock.Now = new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero);
        Assert.Null(throttle.BlockedUntil(Address));
    }

    [Fact]
    public void Another_address_is_not_affected()
    {
        var throttle = new AddressThrottle(new Clock(DateTimeOffset.UtcNow));
        for (var i = 0; i < AddressThrottle.FailuresAllowed; i++)
            throttle.RecordFailure(Address);

        Assert.NotNull(throttle.BlockedUntil(Address));
        Assert.Null(throttle.BlockedUntil(IPAddress.Parse("198.51.100.1")));
    }
}
