package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Renders a scenario's page to a String with each peer engine and the hand-written renderer. Each
 * (engine, scenario) pair runs in its own fork, so no engine's profile pollutes another's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RenderBenchmark {
    /** The page. */
    @Param
    public Scenario scenario;

    /** The engine (all of {@link Peer} unless narrowed with {@code -p engine=...}). */
    @Param
    public Peer engine;

    private Renderer renderer;

    /** Loads and compiles the templates, then checks the output. */
    @Setup
    public void setup() {
        renderer = OutputCheck.checked(engine.adapter().prepare(scenario), scenario, engine.label());
    }

    /** One render. */
    @Benchmark
    public String render() {
        return renderer.render();
    }
}
