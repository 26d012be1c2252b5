using Marten;

namespace Portal.AccessCode.Students;

public static class StudentDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<KnownStudent>().Index(s => s.SchoolId);
        options.Schema.For<KnownClass>().Index(c => c.SchoolId);
    }
}
