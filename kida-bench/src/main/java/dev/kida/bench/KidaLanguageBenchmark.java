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
 * The stocks page in its two spellings, the Jinja2 one ({@code stocks.html}) and a Kida one
 * ({@code stocks-kida.html}: {@code {% end %}}, {@code ??} for the link, a {@code def} for the
 * row), with the same data; both must give the hand-written page byte for byte.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class KidaLanguageBenchmark {
    /** Which spelling of the page. */
    public enum Spelling {
        /** The Jinja2 page every engine comparison uses. */
        JINJA2("stocks.html"),
        /** The same page written in Kida's language. */
        KIDA("stocks-kida.html");

        private final String template;

        Spelling(String template) {
            this.template = template;
        }
    }

    /** The spelling. */
    @Param
    public Spelling spelling;

    /** The execution mode. */
    @Param({"COMPILED", "DEFAULT"})
    public KidaMode mode;

    private Renderer renderer;

    /** Loads the template and checks its output. */
    @Setup
    public void setup() {
        KidaEngine engine = new KidaEngine(mode, KidaEscaper.JAVA);
        renderer = OutputCheck.checked(engine.renderer(spelling.template, Scenario.STOCKS.context()), Scenario.STOCKS,
                "Kida (" + spelling + ")");
    }

    /** One render. */
    @Benchmark
    public String render() {
        return renderer.render();
    }
}
