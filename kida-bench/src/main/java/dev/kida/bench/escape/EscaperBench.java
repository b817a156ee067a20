package dev.kida.bench.escape;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import com.google.common.html.HtmlEscapers;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import org.apache.commons.text.StringEscapeUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.owasp.encoder.Encode;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * HTML escapers side by side: each Kida backend, the OWASP Java Encoder, commons-text, Guava and
 * jte, plus two limits: {@code copy} (appending the text to a reused StringBuilder, what an
 * escaper does at best) and {@code indexOf} (String.indexOf of a char that is absent: one
 * intrinsic scan of the whole text). Throughput in operations per microsecond; the script
 * escape-bench.sh turns it into chars/ns.
 *
 * <p>{@code auto} is what an environment escapes with when no backend is forced (the available
 * backend of highest priority from its minimum length on, {@code java} below it).
 * {@code java}, {@code simd}, {@code ffi}, {@code owasp}, {@code commons-text} and
 * {@code guava} return the escaped String (the input itself when clean, except commons-text,
 * which always builds a new one). {@code jte} has no String API: it writes into a reset
 * StringOutput, its own hot path; {@code java-to}, {@code simd-to} and {@code ffi-to} do the same
 * with Kida's {@link Escaper#escapeTo}, the engine's hot path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EscaperBench {
    @Param({"java", "simd", "ffi", "owasp", "commons-text", "guava", "jte", "copy", "indexOf"})
    public String escaper;

    @Param({"CLEAN", "TYPICAL", "CODE", "UNICODE"})
    public Corpus corpus;

    @Param({"16", "128", "1024", "16384", "1048576"})
    public int size;

    private String text;
    private Function<String, Object> op;

    @Setup(Level.Trial)
    public void setUp() {
        text = corpus.text(size);
        op = operation(escaper);
    }

    @Benchmark
    public Object escape() {
        return op.apply(text);
    }

    static Function<String, Object> operation(String name) {
        return switch (name) {
            case "java", "simd", "ffi" -> kida(name)::escape;
            // What an environment uses when nothing is forced: the best backend from its
            // minLength on, java below it.
            case "auto" -> Escapers.escaper(Escapers.select(null), false)::escape;
            case "java-to", "simd-to", "ffi-to" -> {
                Escaper e = kida(name.substring(0, name.length() - 3));
                StringBuilder out = new StringBuilder();
                yield s -> {
                    out.setLength(0);
                    e.escapeTo(s, out);
                    return out;
                };
            }
            case "owasp" -> Encode::forHtml;
            case "commons-text" -> StringEscapeUtils::escapeHtml4;
            case "guava" -> HtmlEscapers.htmlEscaper()::escape;
            case "jte" -> {
                StringOutput out = new StringOutput();
                yield s -> {
                    out.reset();
                    Escape.htmlContent(s, out);
                    return out;
                };
            }
            case "copy" -> {
                StringBuilder out = new StringBuilder();
                yield s -> {
                    out.setLength(0);
                    return out.append(s);
                };
            }
            case "indexOf" -> s -> s.indexOf('\u0001');
            default -> throw new IllegalArgumentException("unknown escaper " + name);
        };
    }

    static Escaper kida(String name) {
        EscaperProvider p = Escapers.select(name); // fails with the reason when unavailable
        return p.escaper();
    }
}
