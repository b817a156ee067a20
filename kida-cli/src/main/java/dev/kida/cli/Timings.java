package dev.kida.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold-start phases of one command, printed to standard error when the system property
 * {@code kida.cli.timings} is {@code true} (scripts/coldstart-phases.py reads them). The JVM's
 * own start-up is measured from {@code KIDA_T0}, the launching process's clock in nanoseconds
 * since the epoch, when that variable is set. Beside each phase's wall time it prints the CPU time
 * the main thread spent in it ({@code cpu.<phase>}, from Linux's {@code /proc/thread-self/schedstat};
 * left out where that file does not exist), the steadier figure on a loaded machine.
 */
final class Timings {
    static final boolean ON = Boolean.getBoolean("kida.cli.timings");
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    private static final List<Long> CPU = new ArrayList<>();
    private static long last;
    private static long lastCpu;

    private Timings() {
    }

    /** Marks the start of main(), and the JVM phase before it. */
    static void start() {
        if (!ON) {
            return;
        }
        String t0 = System.getenv("KIDA_T0");
        Instant now = Instant.now();
        last = System.nanoTime();
        lastCpu = threadCpu();
        if (t0 != null) {
            long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            NAMES.add("jvm");
            TIMES.add(epochNanos - Long.parseLong(t0));
            CPU.add(-1L);
        }
    }

    /** Ends a phase. */
    static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long cpu = threadCpu();
        NAMES.add(phase);
        TIMES.add(now - last);
        CPU.add(cpu < 0 || lastCpu < 0 ? -1 : cpu - lastCpu);
        last = now;
        lastCpu = cpu;
    }

    /** This thread's CPU time in nanoseconds so far, or -1 where the kernel does not say. */
    private static long threadCpu() {
        try {
            // java.io, as the render reads its files: an NIO read here would set up NIO's channels
            // inside the phase being measured (DataFile.readFile)
            String stat;
            try (var in = new java.io.FileInputStream("/proc/thread-self/schedstat")) {
                stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            int space = stat.indexOf(' ');
            return Long.parseLong(space < 0 ? stat.strip() : stat.substring(0, space));
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Prints every phase as {@code kida-timings: name=micros ...}. */
    static void print(PrintStream err) {
        if (!ON) {
            return;
        }
        StringBuilder sb = new StringBuilder("kida-timings:");
        for (int i = 0; i < NAMES.size(); i++) {
            sb.append(' ').append(NAMES.get(i)).append('=').append(TIMES.get(i) / 1000);
        }
        for (int i = 0; i < NAMES.size(); i++) {
            if (CPU.get(i) >= 0) {
                sb.append(" cpu.").append(NAMES.get(i)).append('=').append(CPU.get(i) / 1000);
            }
        }
        err.println(sb);
        err.println(threads());
    }

    /**
     * The CPU time of every thread of the process so far ({@code /proc/self/task}), which shows
     * what the JVM spends beside the main thread (JIT, GC, start-up); empty where Linux's files
     * are missing.
     */
    private static String threads() {
        StringBuilder sb = new StringBuilder("kida-threads:");
        try (var tasks = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks) {
                String comm = java.nio.file.Files.readString(task.resolve("comm")).strip().replace(' ', '_');
                String stat = java.nio.file.Files.readString(task.resolve("schedstat"));
                long ns = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                sb.append(' ').append(comm).append('=').append(ns / 1000);
            }
        } catch (java.io.IOException | RuntimeException e) {
            sb.append(" unavailable (").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }
}
