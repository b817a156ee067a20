package dev.kida.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold-start phases of one command, printed to standard error when the system property
 * {@code kida.cli.timings} is {@code true} (scripts/coldstart-phases.py reads them). The JVM's
 * own start-up is measured from {@code KIDA_T0}, the launching process's clock in nanoseconds
 * since the epoch, when that variable is set.
 */
final class Timings {
    static final boolean ON = Boolean.getBoolean("kida.cli.timings");
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    private static long last;

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
        if (t0 != null) {
            long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            NAMES.add("jvm");
            TIMES.add(epochNanos - Long.parseLong(t0));
        }
    }

    /** Ends a phase. */
    static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        NAMES.add(phase);
        TIMES.add(now - last);
        last = now;
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
        err.println(sb);
    }
}
