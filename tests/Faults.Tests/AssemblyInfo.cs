// One system at a time, and one fault at a time: each fault must be the only thing disturbing the system.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
