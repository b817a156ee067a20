package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Resources;
import dev.kida.bench.engine.SourceCompiler;
import dev.kida.bench.kida.KidaEngine;
import dev.kida.bench.kida.KidaEscaper;
import dev.kida.bench.kida.KidaMode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time per compile of the stocks page (source String to a ready template, as
 * {@link KidaCompileBenchmark} and {@link CompileBenchmark} measure it), interleaved in one JVM:
 * the compile counterpart of {@link CpuTimeRatios} for a shared machine.
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.kida.bench.CompileCpuRatios PEBBLE,KIDA:INTERPRETED,KIDA:COMPILED 4 15
 * </pre>
 * Arguments: the engines ({@link Peer} names or {@code KIDA:mode}; the first is the reference),
 * seconds of CPU warm-up per engine, rounds. {@code KIDA:mode:NEWSHAPE} compiles the stocks
 * source with a print of a number of its own appended each time ({@link KidaCompileBenchmark#compileNewShape}):
 * a template shape the engine has not seen, so compiled mode generates and defines a class every
 * time; plain {@code KIDA:COMPILED} compiles the same source again and again, which after the first
 * compile reuses the shape's class (docs/architecture.md, "Shape classes"). The classes are
 * unloaded once evicted and unused, so the warm-up also brings class unloading to its steady state.
 */
public final class CompileCpuRatios {
    private CompileCpuRatios() {
    }

    private static volatile Object sink;

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] a) {
        String[] names = a[0].split(",");
        double warm = Double.parseDouble(a[1]);
        int rounds = Integer.parseInt(a[2]);
        SourceCompiler[] cs = new SourceCompiler[names.length];
        String[] sources = new String[names.length];
        for (int e = 0; e < names.length; e++) {
            if (names[e].startsWith("KIDA")) {
                cs[e] = KidaEngine.compiler(KidaMode.valueOf(names[e].split(":")[1]), KidaEscaper.JAVA);
                sources[e] = Resources.template("kida", "stocks.html");
                if (names[e].endsWith(":NEWSHAPE")) {
                    SourceCompiler same = cs[e];
                    long[] n = {0};
                    cs[e] = source -> same.compile(source + "{{ " + n[0]++ + " }}");
                }
            } else {
                Peer peer = Peer.valueOf(names[e]);
                cs[e] = peer.compiler();
                sources[e] = Resources.template(peer.templateDirectory(), peer.stocksTemplate());
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int[] batch = new int[names.length];
        for (int e = 0; e < names.length; e++) {
            long t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < warm * 1e9) {
                for (int i = 0; i < 20; i++) {
                    sink = cs[e].compile(sources[e]);
                }
            }
            long s = mx.getCurrentThreadCpuTime();
            int n = 0;
            while (mx.getCurrentThreadCpuTime() - s < 1.5e8) {
                sink = cs[e].compile(sources[e]);
                n++;
            }
            batch[e] = n;
        }
        double[][] ns = new double[names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int e = 0; e < names.length; e++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < batch[e]; i++) {
                    sink = cs[e].compile(sources[e]);
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
            System.out.printf(Locale.ROOT, "%-18s median %9.0f ns/compile  speed vs %s: median %.2fx (range %.2f-%.2f)%n",
                    names[e], own[rounds / 2], names[0], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
        }
    }
}
