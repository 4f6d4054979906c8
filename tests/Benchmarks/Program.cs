using System.Reflection;
using NewsPlatform.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- NAME [NAME...]   (or "all"); deploy/local/bench.sh wraps it.
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

var wanted = args.Length == 0 || args.Contains("all") ? all : all.Where(b => args.Contains(b.Name)).ToList();
if (wanted.Count == 0)
{
    Console.Error.WriteLine($"Unknown benchmark. Available: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

var context = new BenchmarkContext();
foreach (var benchmark in wanted)
{
    Console.WriteLine($"== {benchmark.Title}");
    var body = await benchmark.RunAsync(context, CancellationToken.None);
    Console.WriteLine(body);
    BenchmarkReport.Write(context.RepositoryRoot, benchmark, body, $"deploy/local/bench.sh {benchmark.Name}");
}
return 0;
