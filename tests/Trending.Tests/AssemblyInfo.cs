// The machine has two cores shared with other work: collections run one after another so that
// hosts, the broker and the database are never contended by this project against itself.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
