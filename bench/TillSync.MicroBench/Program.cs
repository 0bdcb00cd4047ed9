using BenchmarkDotNet.Running;

// Micro-benchmarks of HQ's hot paths (BenchmarkDotNet). Run, not in CI:
// dotnet run -c Release --project bench/TillSync.MicroBench -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(TillSync.MicroBench.HotPathBenchmarks).Assembly).Run(args);
