package dev.kida.bench;

import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link TemplateCacheBenchmark}'s question answered in CPU time, for a shared machine: the CPU
 * time of {@code getTemplate} of one of 16 cached templates (file-system loader, auto-reload
 * off) against a bare {@link ConcurrentHashMap#get} of the same names, with {@code T} threads
 * running at once; rounds alternate the two, each round gives a ratio, the median is reported.
 * The CPU time of all the threads is summed, so contention (cache lines moving between cores)
 * counts, while waiting for a core does not.
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.kida.bench.CacheCpuRatios 16 15
 * </pre>
 * Arguments: threads, rounds.
 */
public final class CacheCpuRatios {
    private static final int TEMPLATES = 16;
    private static final int OPS_PER_THREAD = 4_000_000;
    private static volatile Object sink;

    private CacheCpuRatios() {
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] a) throws IOException, InterruptedException {
        int threads = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        Path dir = Files.createTempDirectory("kida-cache-cpu");
        String[] names = new String[TEMPLATES];
        for (int i = 0; i < TEMPLATES; i++) {
            names[i] = "page" + i + ".html";
            Files.writeString(dir.resolve(names[i]), "<p>{{ name }}</p>");
        }
        Environment env = Environment.builder().loader(Loaders.fileSystem(dir)).autoReload(false).build();
        Map<String, Template> bare = new ConcurrentHashMap<>();
        for (String name : names) {
            bare.put(name, env.getTemplate(name));
        }
        Runnable map = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < OPS_PER_THREAD; i++) {
                sink = bare.get(names[random.nextInt(TEMPLATES)]);
            }
        };
        Runnable cache = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < OPS_PER_THREAD; i++) {
                sink = env.getTemplate(names[random.nextInt(TEMPLATES)]);
            }
        };
        double[] mapNs = new double[rounds];
        double[] cacheNs = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = -2; r < rounds; r++) { // two rounds of warm-up
            double m = cpuNanosPerOp(map, threads);
            double c = cpuNanosPerOp(cache, threads);
            if (r >= 0) {
                mapNs[r] = m;
                cacheNs[r] = c;
                ratio[r] = m / c;
            }
        }
        Arrays.sort(mapNs);
        Arrays.sort(cacheNs);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "threads %d: ConcurrentHashMap.get %.1f ns, getTemplate %.1f ns (CPU per op, "
                        + "medians); getTemplate speed vs the map %.2fx (rounds %.2f-%.2f)%n",
                threads, mapNs[rounds / 2], cacheNs[rounds / 2], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }

    private static double cpuNanosPerOp(Runnable work, int threads) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            ts[t] = new Thread(() -> {
                long start = mx.getCurrentThreadCpuTime();
                work.run();
                cpu[slot] = mx.getCurrentThreadCpuTime() - start;
            });
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return Arrays.stream(cpu).sum() / (double) (threads * (long) OPS_PER_THREAD);
    }
}
