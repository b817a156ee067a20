package dev.kida.bench;

import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;
import dev.kida.bench.kida.KidaEngine;
import dev.kida.bench.kida.KidaEscaper;
import dev.kida.bench.kida.KidaMode;
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
 * Renders a scenario's page with Kida, in every {@link KidaMode} with every {@link KidaEscaper}:
 * the same pages, settings and checks as {@link RenderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class KidaRenderBenchmark {
    /** The page. */
    @Param
    public Scenario scenario;

    /** The execution mode. */
    @Param
    public KidaMode mode;

    /** The escaper backend. */
    @Param
    public KidaEscaper escaper;

    private Renderer renderer;

    /** Loads and compiles the templates, then checks the output. */
    @Setup
    public void setup() {
        renderer = OutputCheck.checked(new KidaEngine(mode, escaper).prepare(scenario), scenario, "Kida");
    }

    /** One render. */
    @Benchmark
    public String render() {
        return renderer.render();
    }
}
