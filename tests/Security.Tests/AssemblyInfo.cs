// One system at a time: it starts five processes (and maybe servers) on a two-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
