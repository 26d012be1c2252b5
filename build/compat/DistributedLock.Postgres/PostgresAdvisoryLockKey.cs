using System.Globalization;

namespace Medallion.Threading.Postgres;

/// <summary>The 64-bit key of a PostgreSQL advisory lock.</summary>
public readonly struct PostgresAdvisoryLockKey : IEquatable<PostgresAdvisoryLockKey>
{
    public PostgresAdvisoryLockKey(long key) => Value = key;

    internal long Value { get; }

    public bool Equals(PostgresAdvisoryLockKey that) => Value == that.Value;

    public override bool Equals(object? obj) => obj is PostgresAdvisoryLockKey that && Equals(that);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(PostgresAdvisoryLockKey a, PostgresAdvisoryLockKey b) => a.Equals(b);

    public static bool operator !=(PostgresAdvisoryLockKey a, PostgresAdvisoryLockKey b) => !a.Equals(b);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
