print("ExampleBenchmarks: not yet implemented")
