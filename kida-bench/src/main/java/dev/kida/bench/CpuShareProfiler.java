package dev.kida.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How much CPU each measured iteration was given, from Linux's {@code /proc} (a JMH profiler:
 * {@code -prof dev.kida.bench.CpuShareProfiler}). Why (issue 13, two threads): on a machine with
 * as many cores as benchmark threads, a fork whose threads share a core with another process
 * reports about half the throughput for all its iterations, and nothing in JMH's output tells such
 * a fork from a slow engine. Per iteration it reports:
 * <ul>
 *   <li>{@code cpu.bench}: cores used by the benchmark threads ({@code *jmh-worker*}); 2.0 is two
 *       threads each on a core of its own for the whole iteration;</li>
 *   <li>{@code cpu.jvm.other}: cores used by the fork's other threads (JIT compilers, GC);</li>
 *   <li>{@code cpu.machine.other}: cores the rest of the machine used (other processes);</li>
 *   <li>{@code cpu.ns/op}: CPU time of the benchmark threads per operation (throughput modes).
 *       It depends far less than the score on how much CPU the fork was given, so equal
 *       {@code cpu.ns/op} on one and two threads means the threads do not slow each other
 *       down (no shared cache line written by both, no lock). Not entirely free of the load:
 *       threads that take turns on one core refill their caches at each switch (1.3-1.5x on the
 *       stocks page in a loaded run); {@link ScalingCheck} compares under the same load.</li>
 * </ul>
 * Linux only (it reports nothing elsewhere); the resolution is the kernel's clock tick (10 ms).
 */
public final class CpuShareProfiler implements InternalProfiler {
    /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private long wallStart;
    private long benchStart;
    private long jvmStart;
    private long machineStart;

    @Override
    public String getDescription() {
        return "CPU given to the benchmark threads, the fork's other threads and other processes (Linux /proc)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        long[] t = threadTicks(workerName(benchmarkParams));
        benchStart = t[0];
        jvmStart = t[1];
        machineStart = machineBusyTicks();
        wallStart = System.nanoTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long[] t = threadTicks(workerName(benchmarkParams));
        long machine = machineBusyTicks();
        List<Result> out = new ArrayList<>();
        if (t[1] < 0 || machine < 0 || wall <= 0) {
            return out;
        }
        double bench = (t[0] - benchStart) / TICKS_PER_SECOND;
        double jvm = (t[1] - jvmStart) / TICKS_PER_SECOND;
        double all = (machine - machineStart) / TICKS_PER_SECOND;
        out.add(new ScalarResult("cpu.bench", bench / wall, "cores", AggregationPolicy.AVG));
        out.add(new ScalarResult("cpu.jvm.other", (jvm - bench) / wall, "cores", AggregationPolicy.AVG));
        out.add(new ScalarResult("cpu.machine.other", Math.max(0, all - jvm) / wall, "cores", AggregationPolicy.AVG));
        // ops in the iteration: a throughput score is ops per the benchmark's time unit
        String unit = result.getPrimaryResult().getScoreUnit();
        TimeUnit tu = benchmarkParams.getTimeUnit();
        if (unit.startsWith("ops/") && bench > 0) {
            double perSecond = result.getPrimaryResult().getScore() * tu.convert(1, TimeUnit.SECONDS);
            double ops = perSecond * wall;
            if (ops > 0) {
                out.add(new ScalarResult("cpu.ns/op", bench * 1e9 / ops, "ns/op", AggregationPolicy.AVG));
            }
        }
        return out;
    }

    /**
     * What the kernel calls JMH's worker threads: HotSpot names a thread's native thread after it,
     * cut to 15 chars, and JMH names its workers {@code <benchmark>-jmh-worker-<n>}.
     */
    private static String workerName(BenchmarkParams params) {
        String name = params.getBenchmark();
        return name.substring(0, Math.min(15, name.length()));
    }

    /** CPU ticks of this process's benchmark threads and of all its threads, or {-1, -1}. */
    private static long[] threadTicks(String workerName) {
        long bench = 0;
        long all = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                String name = Files.readString(task.resolve("comm")).trim();
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                all += ticks;
                if (name.equals(workerName)) {
                    bench += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return new long[] {bench, all};
    }

    /** Busy ticks of the whole machine (all but idle and iowait), or -1. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
