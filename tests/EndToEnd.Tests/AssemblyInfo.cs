// One system at a time: each starts five processes (and maybe servers) on a two-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
