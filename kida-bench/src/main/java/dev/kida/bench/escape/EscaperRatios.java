package dev.kida.bench.escape;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The escapers of {@link EscaperBench} against OWASP by CPU time, interleaved in one JVM: the
 * second opinion beside JMH on a shared machine (see {@code dev.kida.bench.CpuTimeRatios} for the
 * pages). Each round times a batch of calls of every escaper in turn with the thread's CPU
 * time; the ratio to OWASP is taken per round and its median printed, with the median and best
 * chars/ns of each escaper.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp &lt;classpath&gt; \
 *   dev.kida.bench.escape.EscaperRatios CLEAN,TYPICAL 16384 java,simd,ffi 3 21
 * </pre>
 * Arguments: corpora, sizes (comma-separated), escapers (OWASP is added as the reference; the
 * names of {@link EscaperBench}, its limits {@code indexOf} and {@code copy} included),
 * seconds of CPU warm-up per escaper, rounds. The reference is OWASP's String call unless
 * {@code -Dkida.bench.ref=owasp-writer} (or another name) chooses another, e.g. OWASP's
 * streaming call for the into-output variants ({@code simd-latin1}, ...).
 */
public final class EscaperRatios {
    private EscaperRatios() {
    }

    private static volatile Object sink;

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] a) {
        String ref = System.getProperty("kida.bench.ref", "owasp");
        String[] names = (ref + "," + a[2]).split(",");
        double warm = Double.parseDouble(a[3]);
        int rounds = Integer.parseInt(a[4]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-8s %8s %-12s %10s %10s %12s %s%n",
                "corpus", "size", "escaper", "chars/ns", "best", "vs " + ref, "(range)");
        for (String corpusName : a[0].split(",")) {
            for (String sizeText : a[1].split(",")) {
                Corpus corpus = Corpus.valueOf(corpusName);
                int size = Integer.parseInt(sizeText);
                String text = corpus.text(size);
                // The Kida backends must agree with java (OWASP's output differs by design:
                // &#34; for '"', and its own treatment of some non-ASCII and control chars).
                String expected = EscaperBench.operation("java").apply(text).toString();
                @SuppressWarnings("unchecked")
                Function<String, Object>[] ops = new Function[names.length];
                int[] batch = new int[names.length];
                for (int e = 0; e < names.length; e++) {
                    ops[e] = EscaperBench.operation(names[e]);
                    boolean kida = !names[e].startsWith("owasp") && !names[e].equals("indexOf") && !names[e].equals("copy");
                    if (kida && !ops[e].apply(text).toString().equals(expected)) {
                        throw new IllegalStateException(names[e] + " escapes " + corpus + " differently from java");
                    }
                    long t0 = mx.getCurrentThreadCpuTime();
                    while (mx.getCurrentThreadCpuTime() - t0 < warm * 1e9) {
                        for (int i = 0; i < 20; i++) {
                            sink = ops[e].apply(text);
                        }
                    }
                    long s = mx.getCurrentThreadCpuTime();
                    int n = 0;
                    while (mx.getCurrentThreadCpuTime() - s < 2e7) {
                        sink = ops[e].apply(text);
                        n++;
                    }
                    batch[e] = n;
                }
                double[][] ns = new double[names.length][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int e = 0; e < names.length; e++) {
                        long c0 = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < batch[e]; i++) {
                            sink = ops[e].apply(text);
                        }
                        ns[e][r] = (mx.getCurrentThreadCpuTime() - c0) / (double) batch[e];
                    }
                }
                for (int e = 0; e < names.length; e++) {
                    double[] ratio = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratio[r] = ns[0][r] / ns[e][r];
                    }
                    double[] own = ns[e].clone();
                    Arrays.sort(ratio);
                    Arrays.sort(own);
                    System.out.printf(Locale.ROOT, "%-8s %8d %-12s %10.3g %10.3g %11.1fx (%.1f-%.1f)%n",
                            corpus, size, names[e], size / own[rounds / 2], size / own[0],
                            ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
                }
            }
        }
    }
}
