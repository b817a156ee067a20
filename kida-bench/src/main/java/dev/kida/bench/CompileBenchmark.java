package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Resources;
import dev.kida.bench.engine.SourceCompiler;
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
 * Source String to a ready template (no render) for the peers that compile at run time; jte and
 * Rocker compile at build time and are left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CompileBenchmark {
    /** The engine. */
    @Param({"PEBBLE", "JINJAVA", "FREEMARKER", "MUSTACHE", "HANDLEBARS", "THYMELEAF", "VELOCITY"})
    public Peer engine;

    private SourceCompiler compiler;
    private String source;

    /** Reads the engine's stocks template. */
    @Setup
    public void setup() {
        compiler = engine.compiler();
        source = Resources.template(engine.templateDirectory(), engine.stocksTemplate());
    }

    /** One compile of the stocks page. */
    @Benchmark
    public Object compile() {
        return compiler.compile(source);
    }
}
