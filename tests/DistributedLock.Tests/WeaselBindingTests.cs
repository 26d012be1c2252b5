using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Medallion.Threading.Postgres;

namespace Portal.DistributedLock.Tests;

public class WeaselBindingTests
{
    [Fact]
    public void Every_member_Weasel_calls_in_DistributedLock_Postgres_binds_to_our_assembly()
    {
        var ours = typeof(PostgresDistributedLock).Assembly.GetName();
        Assert.Equal("DistributedLock.Postgres", ours.Name);
        Assert.Equal(new Version(1, 0, 0, 0), ours.Version);
        Assert.Empty(ours.GetPublicKeyToken() ?? []);

        var weasel = typeof(Weasel.Postgresql.PostgresqlDatabase).Assembly;
        using var pe = new PEReader(File.OpenRead(weasel.Location));
        var metadata = pe.GetMetadataReader();
        var bound = new List<string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var reference = metadata.GetMemberReference(handle);
            if (reference.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)reference.Parent).Namespace)
                    != "Medallion.Threading.Postgres")
            {
                continue;
            }

            // Throws MissingMethodException when a signature differs from what Weasel was compiled against.
            var member = weasel.ManifestModule.ResolveMember(MetadataTokens.GetToken(handle))!;
            Assert.Equal(typeof(PostgresDistributedLock).Assembly, member.Module.Assembly);
            bound.Add($"{member.DeclaringType!.Name}.{member.Name}");
        }

        Assert.Equal(
            [
                "PostgresAdvisoryLockKey..ctor", "PostgresConnectionOptionsBuilder.UseMultiplexing",
                "PostgresConnectionOptionsBuilder.UseTransaction", "PostgresDistributedLock..ctor",
                "PostgresDistributedLock.TryAcquireAsync", "PostgresDistributedLockHandle.DisposeAsync",
                "PostgresDistributedLockHandle.get_HandleLostToken",
            ],
            bound.Distinct().Order(StringComparer.Ordinal));
    }
}
