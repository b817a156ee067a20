package dev.kida.tests.escape;

import dev.kida.api.KidaException;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Environment;
import dev.kida.engine.Escapers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backends that should run on this machine do: a silently missing backend would let every
 * agreement property pass on the pure-Java one alone.
 */
class BackendAvailabilityTest {

    @Test
    void allThreeBackendsAreFound() {
        List<String> names = Escapers.providers().stream().map(EscaperProvider::name).toList();
        assertEquals(List.of("simd", "ffi", "java"), names, "providers, highest priority first");
    }

    @Test
    void javaIsAlwaysAvailable() {
        assertTrue(provider("java").availability().available());
    }

    @Test
    void simdIsAvailableOnX86AndArm() {
        String arch = System.getProperty("os.arch");
        // Every x86-64 and AArch64 CPU has at least 128-bit vectors.
        if (List.of("amd64", "x86_64", "aarch64").contains(arch)) {
            var a = provider("simd").availability();
            assertTrue(a.available(), "simd: " + a.reason());
        }
    }

    @Test
    void ffiIsAvailableOnLinuxX86WithGcc() {
        boolean linuxX86 = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if (linuxX86 && gccOnPath()) {
            var a = provider("ffi").availability();
            assertTrue(a.available(), "ffi: " + a.reason());
        }
    }

    @Test
    void theBestAvailableIsChosenByDefault() {
        String best = Backends.available().getFirst().name();
        assertEquals(best, Environment.builder().build().escaperName());
    }

    @Test
    void eachBackendCanBeForced() {
        for (EscaperProvider p : Backends.available()) {
            assertEquals(p.name(), Environment.builder().escaper(p.name()).build().escaperName());
        }
    }

    @Test
    void anUnknownBackendFailsWithTheNamesFound() {
        var e = assertThrows(KidaException.class, () -> Environment.builder().escaper("nope").build());
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("java"), e.getMessage());
    }

    @Test
    void unavailabilityComesWithAReason() {
        for (EscaperProvider p : Escapers.providers()) {
            var a = p.availability();
            assertFalse(!a.available() && a.reason().isBlank(), p.name() + " gives no reason");
        }
    }

    private static EscaperProvider provider(String name) {
        return Escapers.providers().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no provider " + name));
    }

    private static boolean gccOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "gcc")));
    }
}
