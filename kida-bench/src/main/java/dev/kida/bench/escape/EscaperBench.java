package dev.kida.bench.escape;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import com.google.common.html.HtmlEscapers;
import gg.jte.html.escape.Escape;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.output.Utf8Output;
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
 * with Kida's {@link Escaper#escapeTo} into a StringBuilder.
 *
 * <p>Into an output (issue 13): {@code <backend>-latin1} escapes into the engine's String output
 * (Latin-1 bytes) and {@code <backend>-utf8} into its UTF-8 output, both cleared each time, where
 * Kida's vector backends escape straight into the output's bytes ({@link Escaper#escapeInto});
 * {@code owasp-latin1}/{@code owasp-utf8} are the same outputs with OWASP plugged in as the
 * backend, and {@code owasp-writer} is OWASP's own streaming call {@code Encode.forHtml(Writer,
 * String)} into a reused Writer. The String variants ({@code simd}, {@code owasp}, ...) return a
 * String, where a clean text costs OWASP a scan and Kida a copy plus a scan (no public API lets
 * a vector loop read a String's array); into an output both must copy the text.
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
            // Into an output (the engine's hot path): the engine's String output (Latin-1 bytes)
            // or UTF-8 output, cleared each time, with the backend escaping into it.
            case "java-latin1", "simd-latin1", "ffi-latin1", "auto-latin1", "owasp-latin1" -> {
                Escaper e = backend(name.substring(0, name.indexOf('-')));
                StringOutput out = new StringOutput();
                yield s -> {
                    out.clear();
                    out.appendEscaped(s, e);
                    return out;
                };
            }
            case "java-utf8", "simd-utf8", "ffi-utf8", "auto-utf8", "owasp-utf8" -> {
                Escaper e = backend(name.substring(0, name.indexOf('-')));
                Utf8Output out = new Utf8Output(1024);
                yield s -> {
                    out.clear();
                    out.appendEscaped(s, e);
                    return out;
                };
            }
            // OWASP's own streaming entry point into a reused, unsynchronised Writer: what OWASP
            // does when its result goes into an output rather than a new String.
            case "owasp-writer" -> {
                CharSink out = new CharSink();
                yield s -> {
                    out.reset();
                    try {
                        Encode.forHtml(out, s);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return out;
                };
            }
            case "owasp" -> Encode::forHtml;
            case "commons-text" -> StringEscapeUtils::escapeHtml4;
            case "guava" -> HtmlEscapers.htmlEscaper()::escape;
            case "jte" -> {
                gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
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

    /** A Kida backend, the default selection ({@code auto}) or OWASP plugged in as a backend. */
    static Escaper backend(String name) {
        return switch (name) {
            case "auto" -> Escapers.escaper(Escapers.select(null), false);
            case "owasp" -> new OwaspEscaperProvider().escaper();
            default -> kida(name);
        };
    }

    /** A Writer into a reused char array, with no locking (CharArrayWriter synchronises). */
    static final class CharSink extends java.io.Writer {
        private char[] buf = new char[1024];
        private int len;

        void reset() {
            len = 0;
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, len + extra));
            }
        }

        @Override
        public void write(char[] c, int off, int n) {
            ensure(n);
            System.arraycopy(c, off, buf, len, n);
            len += n;
        }

        @Override
        public void write(String s, int off, int n) {
            ensure(n);
            s.getChars(off, off + n, buf, len);
            len += n;
        }

        @Override
        public void write(int c) {
            ensure(1);
            buf[len++] = (char) c;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static Escaper kida(String name) {
        EscaperProvider p = Escapers.select(name); // fails with the reason when unavailable
        return p.escaper();
    }
}
