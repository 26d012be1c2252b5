// WebApplicationFactory adopts the next host built in the process, so fixtures must not build hosts concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
