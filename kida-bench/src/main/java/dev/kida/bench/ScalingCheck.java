package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * Whether renders on two threads slow each other down, measured in CPU time rather than JMH's
 * wall-clock throughput: on a shared 2-core machine a two-thread JMH fork mostly measures how much
 * CPU it was given. Here each thread counts its own CPU time per render
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}), in rounds that alternate between one thread
 * rendering alone and two threads rendering at once, engine by engine, all in one JVM. Two
 * threads that share nothing render in the same CPU time per render as one; a cache line that both
 * write, a lock or a deoptimisation loop shows as a higher CPU time per render on two threads, and
 * the "2t/1t CPU" column is the median of the per-round ratios. An engine that shares nothing
 * (hand-written) in the same rounds is the control: the cores themselves (two vCPUs placed on one
 * physical core by the host, say) slow both alike.
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.kida.bench.ScalingCheck STOCKS HANDWRITTEN,KIDA:COMPILED:JAVA,KIDA:COMPILED:SIMD 3 15
 * </pre>
 * Arguments: the {@link Scenario}, the engines ({@link Peer} names or {@code KIDA:mode:escaper}),
 * seconds of warm-up per engine (on two threads), rounds.
 */
public final class ScalingCheck {
    private ScalingCheck() {
    }

    private static volatile Object sink;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** Runs the check; see the class comment for the arguments. */
    public static void main(String[] a) throws Exception {
        Scenario sc = Scenario.valueOf(a[0]);
        String[] names = a[1].split(",");
        double warm = Double.parseDouble(a[2]);
        int rounds = Integer.parseInt(a[3]);
        Renderer[] rs = CpuTimeRatios.renderers(sc, names);
        int[] batch = new int[names.length];
        for (int e = 0; e < names.length; e++) {
            Renderer r = rs[e];
            long ns = (long) (warm * 1e9);
            parallel(2, () -> {
                long t0 = MX.getCurrentThreadCpuTime();
                while (MX.getCurrentThreadCpuTime() - t0 < ns) {
                    for (int i = 0; i < 20; i++) {
                        sink = r.render();
                    }
                }
                return 0;
            });
            long s = MX.getCurrentThreadCpuTime();
            int n = 0;
            while (MX.getCurrentThreadCpuTime() - s < 1.5e8) {
                sink = r.render();
                n++;
            }
            batch[e] = n;
        }
        double[][] one = new double[names.length][rounds];
        double[][] two = new double[names.length][rounds];
        double[][] wall = new double[names.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int e = 0; e < names.length; e++) {
                Renderer r = rs[e];
                int n = batch[e];
                one[e][round] = parallel(1, () -> cpuPerRender(r, n))[0];
                long w0 = System.nanoTime();
                double[] both = parallel(2, () -> cpuPerRender(r, n));
                wall[e][round] = (System.nanoTime() - w0) / (2.0 * n);
                two[e][round] = (both[0] + both[1]) / 2;
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %14s %16s%n", "engine", "1t CPU ns", "2t CPU ns",
                "2t/1t CPU", "2t wall ns/op");
        for (int e = 0; e < names.length; e++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = two[e][r] / one[e][r];
            }
            System.out.printf(Locale.ROOT, "%-22s %12.0f %12.0f %7.2f (%.2f-%.2f) %10.0f%n", names[e],
                    median(one[e]), median(two[e]), median(ratio), min(ratio), max(ratio), median(wall[e]));
        }
    }

    /** The CPU time per render of {@code n} renders on the calling thread. */
    private static double cpuPerRender(Renderer r, int n) {
        long c0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            sink = r.render();
        }
        return (MX.getCurrentThreadCpuTime() - c0) / (double) n;
    }

    private interface Task {
        double run() throws Exception;
    }

    /** Runs {@code task} on {@code threads} new threads started together; their results. */
    private static double[] parallel(int threads, Task task) throws Exception {
        double[] out = new double[threads];
        Throwable[] failed = new Throwable[1];
        CyclicBarrier start = new CyclicBarrier(threads);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int i = t;
            ts[t] = new Thread(() -> {
                try {
                    start.await();
                    out[i] = task.run();
                } catch (Throwable ex) {
                    failed[0] = ex;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failed[0] != null) {
            throw new IllegalStateException(failed[0]);
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
