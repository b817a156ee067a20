package dev.kida.bench;

import dev.kida.bench.engine.Resources;
import dev.kida.bench.engine.SourceCompiler;
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
 * Kida's stocks source String to a ready template with {@code Environment.fromString}, in every
 * {@link KidaMode} (an interpreted mode measures parsing alone, a compiled one parse + bytecode).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class KidaCompileBenchmark {
    /** The execution mode. */
    @Param
    public KidaMode mode;

    private SourceCompiler compiler;
    private String source;

    /** Reads the stocks template. */
    @Setup
    public void setup() {
        compiler = KidaEngine.compiler(mode, KidaEscaper.JAVA);
        source = Resources.template("kida", "stocks.html");
    }

    /**
     * One compile of the stocks page. The same source each time: in compiled mode, every compile
     * after the first is of a shape the engine has a class for (docs/architecture.md, "Shape classes").
     */
    @Benchmark
    public Object compile() {
        return compiler.compile(source);
    }

    private long count;

    /**
     * One compile of the stocks page with a print of a number of its own appended: a new shape
     * each time (the number is part of the shape), so compiled mode generates and defines a class
     * every time, the cost of a template unlike any compiled before.
     */
    @Benchmark
    public Object compileNewShape() {
        return compiler.compile(source + "{{ " + count++ + " }}");
    }
}
