using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Oidc.Persistence;
using Portal.Identity.Oidc.Persistence.DataProtection;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class DataProtectionKeysTests(OidcMartenHost marten) : IClassFixture<OidcMartenHost>
{
    [Fact]
    public void Stored_elements_come_back_from_a_new_repository()
    {
        var element = new XElement("key", new XAttribute("id", Guid.NewGuid()), new XElement("secret", "sealed-bytes"));
        new MartenXmlRepository(marten.Store, TimeProvider.System).StoreElement(element, "key-1");

        var loaded = new MartenXmlRepository(marten.Store, TimeProvider.System).GetAllElements();

        Assert.Contains(loaded, e => XNode.DeepEquals(e, element));
    }

    [Fact]
    public void What_one_replica_protects_another_unprotects_after_a_restart()
    {
        var protectedText = Protector().Protect("refresh-token-payload");

        Assert.Equal("refresh-token-payload", Protector().Unprotect(protectedText));
    }

    private IDataProtector Protector()
    {
        var services = new ServiceCollection();
        services.AddSingleton(marten.Store);
        services.AddDataProtection().SetApplicationName("portal-identity-tests").PersistKeysToMarten();
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
    }
}
