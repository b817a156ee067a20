package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast escapers start only when a string is long enough for them: a fresh JVM that escapes
 * short strings with every backend never loads the Vector API's vector classes nor the native
 * library's binding ({@code NativeKernels}); one that escapes a long string loads both. Watched
 * through the JVM's class-loading log, in a separate process, since a class once loaded in this
 * JVM stays loaded.
 */
class LazyEscaperStartTest {
    private static final String VECTOR_CLASS = "jdk.incubator.vector.ShortVector ";
    private static final String NATIVE_CLASS = "dev.kida.escape.ffi.NativeKernels ";

    @TempDir
    static Path dir;
    private static Path probe;

    @BeforeAll
    static void copyProbe() throws IOException {
        probe = dir.resolve("Probe.java");
        try (InputStream in = LazyEscaperStartTest.class.getResourceAsStream("/lazy/Probe.java")) {
            Files.copy(in, probe, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void shortStringsStartNoFastBackend() throws Exception {
        String log = run(20, "short.log");
        assertFalse(log.contains(VECTOR_CLASS), "the Vector API was started for 20-char strings");
        assertFalse(log.contains(NATIVE_CLASS), "the native library was bound for 20-char strings");
    }

    @Test
    void aLongStringStartsThem() throws Exception {
        String log = run(200, "long.log");
        Set<String> names = names();
        if (names.contains("simd")) {
            assertTrue(log.contains(VECTOR_CLASS), "simd did not start for a 200-char string");
        }
        if (names.contains("ffi")) {
            assertTrue(log.contains(NATIVE_CLASS), "ffi did not start for a 200-char string");
        }
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (EscaperProvider p : Backends.available()) {
            names.add(p.name());
        }
        return names;
    }

    /** Runs the probe with strings of the given length; returns its class-loading log. */
    private static String run(int length, String logName) throws Exception {
        Set<String> modulePath = new LinkedHashSet<>();
        modulePath.add(location(Escapers.class));
        modulePath.add(location(EscaperProvider.class));
        for (EscaperProvider p : Escapers.providers()) {
            modulePath.add(location(p.getClass()));
        }
        Path log = dir.resolve(logName);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xlog:class+load=info:file=" + log,
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "ALL-MODULE-PATH",
                "--enable-native-access=kida.escape.ffi",
                probe.toString(), Integer.toString(length)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, process.exitValue(), output);
        int escapedLength = length - 2 + "&lt;&gt;".length();
        for (String name : names()) {
            assertTrue(output.contains(name + " " + escapedLength + " true"), output);
        }
        return Files.readString(log);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
