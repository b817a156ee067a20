package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;
import dev.kida.bench.kida.KidaEngine;
import dev.kida.bench.kida.KidaEscaper;
import dev.kida.bench.kida.KidaMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time per render of several engines, interleaved in one JVM: a second opinion beside JMH when
 * the machine is shared. JMH measures wall-clock throughput, which on a loaded machine mostly
 * measures how much of a core a fork was given; the CPU time of the rendering thread
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}) is far less sensitive to that, and rounds that
 * alternate between the engines give paired ratios (each round's ratio, then the median). It does
 * not count garbage-collection threads, so allocation weighs less than in JMH.
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.kida.bench.CpuTimeRatios ESCAPED JTE,HANDWRITTEN,KIDA:COMPILED:JAVA 4 15
 * </pre>
 * Arguments: the {@link Scenario}, the engines ({@link Peer} names, {@code KIDA:mode:escaper}, or
 * {@code KIDA:mode:escaper:template} for another template of the page,
 * the first is the reference), seconds of CPU warm-up per engine, rounds.
 */
public final class CpuTimeRatios {
    private CpuTimeRatios() {
    }

    private static volatile Object sink;
    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] a) {
        Scenario sc = Scenario.valueOf(a[0]);
        String[] names = a[1].split(",");
        double warm = Double.parseDouble(a[2]);
        int rounds = Integer.parseInt(a[3]);
        Renderer[] rs = renderers(sc, names);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int[] batch = new int[names.length];
        for (int e = 0; e < names.length; e++) {
            long t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < warm * 1e9) for (int i = 0; i < 20; i++) sink = rs[e].render();
            long s = mx.getCurrentThreadCpuTime(); int n = 0;
            while (mx.getCurrentThreadCpuTime() - s < 1.5e8) { sink = rs[e].render(); n++; }
            batch[e] = n;
        }
        double[][] ns = new double[names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int e = 0; e < names.length; e++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < batch[e]; i++) sink = rs[e].render();
                ns[e][r] = (mx.getCurrentThreadCpuTime() - c0) / (double) batch[e];
            }
        }
        // per-round ratio to the first engine, then the median ratio
        for (int e = 0; e < names.length; e++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = ns[0][r] / ns[e][r];
            double[] own = ns[e].clone();
            Arrays.sort(ratio); Arrays.sort(own);
            System.out.printf(Locale.ROOT, "%-22s median %8.0f ns/op  speed vs %s: median %.2fx (range %.2f-%.2f)%n",
                    names[e], own[rounds / 2], names[0], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
        }
    }

    /**
     * The renderers named ({@code PEER} or {@code KIDA:mode:escaper[:template]}) for a scenario,
     * each checked to give the hand-written renderer's output.
     */
    static Renderer[] renderers(Scenario sc, String[] names) {
        Renderer[] rs = new Renderer[names.length];
        String expect = Peer.HANDWRITTEN.adapter().prepare(sc).render();
        for (int e = 0; e < names.length; e++) {
            if (names[e].startsWith("KIDA")) {
                String[] p = names[e].split(":");
                KidaEngine kida = new KidaEngine(KidaMode.valueOf(p[1]), KidaEscaper.valueOf(p[2]));
                // KIDA:mode:escaper:template renders another spelling of the page (stocks-kida.html)
                rs[e] = p.length > 3 ? kida.renderer(p[3], sc.context()) : kida.prepare(sc);
            } else {
                rs[e] = Peer.valueOf(names[e]).adapter().prepare(sc);
            }
            if (!expect.equals(rs[e].render())) {
                throw new IllegalStateException(names[e] + " differs");
            }
        }
        return rs;
    }
}
