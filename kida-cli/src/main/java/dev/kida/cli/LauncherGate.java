package dev.kida.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The source checkout's launcher ({@code ./kida}) asks whether a source changed since its last
 * build while this JVM starts, not before: its {@code find} runs beside the JVM's start-up, on the
 * other core (docs/performance.md, "Cold start", session 20). The answer comes as the property
 * {@value #GATE}, a pipe ({@code /dev/fd/N}) that yields the first changed file's name, or nothing.
 *
 * <p>{@link Main} asks here first, before it reads input, writes output or loads a template. The
 * {@code find} takes about 3 ms and the JVM some 25 ms to get here, so the pipe is normally
 * closed by then and nothing waits. When a source changed, this JVM runs code older than the
 * sources: it runs the launcher again with {@code KIDA_CHECK_SOURCES=1} (the launcher's slow
 * path: rebuild, then run) on the same arguments and streams, and reports that run's status. A
 * JVM started without the property (the launcher's slow path, an IDE, a test) goes on at once.
 */
final class LauncherGate {
    /** The system property naming the pipe with the launcher's verdict. */
    static final String GATE = "kida.launcher.gate";
    /** The system property naming the launcher to run again. */
    static final String SCRIPT = "kida.launcher.script";

    private LauncherGate() {
    }

    /**
     * Waits for the launcher's verdict.
     *
     * @return -1 when this run may go on; else the exit status of the run that replaced it
     */
    static int await(String[] args) {
        String gate = System.getProperty(GATE);
        if (gate == null) {
            return -1;
        }
        String changed;
        try (InputStream in = new FileInputStream(gate)) {
            changed = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // No verdict: the sources may have changed, and stale code must not run; the slow
            // path checks them itself.
            System.err.println("kida: the launcher's source check could not be read (" + e.getMessage()
                    + "); the launcher checks the sources again");
            return relaunch(args);
        }
        return changed.isEmpty() ? -1 : relaunch(args);
    }

    private static int relaunch(String[] args) {
        // System.err (not the CLI's own stream): this rare path runs before Main makes its streams
        PrintStream err = System.err;
        String script = System.getProperty(SCRIPT);
        if (script == null) {
            err.println("kida: the sources changed since the last build, and " + SCRIPT
                    + " does not say which launcher to run again; run ./kida again");
            return Main.USAGE_ERROR;
        }
        List<String> command = new ArrayList<>();
        command.add(script);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("KIDA_CHECK_SOURCES", "1");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            err.println("kida: the sources changed since the last build, and " + script
                    + " could not be run again to rebuild: " + e.getMessage());
            return Main.USAGE_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.USAGE_ERROR;
        }
    }
}
