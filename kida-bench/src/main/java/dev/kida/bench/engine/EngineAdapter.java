package dev.kida.bench.engine;

/** A template engine, set up with HTML escaping on, as the benchmarks drive it. */
public interface EngineAdapter {
    /** Loads and compiles the scenario's templates; what the benchmark measures is the render. */
    Renderer prepare(Scenario scenario);
}
