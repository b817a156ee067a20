package dev.kida.bench.escape;

import dev.kida.engine.Environment;
import dev.kida.engine.Template;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine rendering a page whose values are long user text (50 paragraphs of 2 Ki chars, ~2%
 * special characters) with each escaper backend, and with the OWASP encoder plugged in as one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EscapingRenderBench {
    private static final String PAGE = """
            <html><body><h1>{{ title }}</h1>
            {% for p in paragraphs %}<p class="para">{{ p }}</p>
            {% endfor %}</body></html>""";

    @Param({"java", "simd", "ffi", "owasp"})
    public String escaper;

    private Template template;
    private Map<String, Object> context;

    @Setup
    public void setUp() {
        template = Environment.builder().escaper(escaper).build().fromString(PAGE);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            paragraphs.add(Corpus.TYPICAL.text(2048 + i)); // distinct texts
        }
        context = Map.of("title", "Tom & Jerry's <page>", "paragraphs", paragraphs);
    }

    @Benchmark
    public String render() {
        return template.render(context);
    }
}
