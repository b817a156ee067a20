package dev.kida.compiler.api;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The on-disk compiled cache: a second environment (as a second JVM would) loads what the first
 * wrote without parsing; damaged entries are rebuilt; the folder stays within its bound; several
 * writers at once leave only whole, usable files.
 */
class CompiledCacheTest {
    @TempDir
    Path cache;

    private static Map<String, String> templates(int n) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("t" + i + ".html", "{% for x in xs %}<b>{{ x }}</b>{% endfor %} #" + i + " {{ 'a' ~ 1 }}");
        }
        return m;
    }

    private static final Map<String, Object> CONTEXT = Map.of("xs", List.of("<", ">"));

    private Environment env(Map<String, String> templates, int maxEntries) {
        return Environment.builder().loader(Loaders.map(templates)).compiledCache(cache, maxEntries).build();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSecondEnvironmentLoadsWhatTheFirstWrote() throws IOException {
        Map<String, String> t = templates(2);
        Environment first = env(t, 100);
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", first.getTemplate("t0.html").render(CONTEXT));
        assertFalse(first.getTemplate("t0.html").isPrecompiled(), "parsed, then written");
        assertEquals(1, entries().size());
        Environment second = env(t, 100);
        assertTrue(second.getTemplate("t0.html").isPrecompiled());
        // tiered: the stored class is defined when the template is compiled (hot)
        assertFalse(second.getTemplate("t0.html").isCompiled());
        assertTrue(second.getTemplate("t0.html").compile());
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", second.getTemplate("t0.html").render(CONTEXT));
        assertEquals(1, entries().size());
    }

    @Test
    void inCompiledModeACachedTemplateIsCompiledFromLoad() {
        Map<String, String> t = templates(1);
        Environment.Builder compiled = Environment.builder().loader(Loaders.map(t)).mode(ExecutionMode.COMPILED);
        assertTrue(compiled.compiledCache(cache).build().getTemplate("t0.html").isCompiled());
        Template again = compiled.compiledCache(cache).build().getTemplate("t0.html");
        assertTrue(again.isPrecompiled());
        assertTrue(again.isCompiled());
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", again.render(CONTEXT));
    }

    @Test
    void aChangedSourceGetsItsOwnEntry() throws IOException {
        env(Map.of("a.html", "one"), 100).getTemplate("a.html");
        Environment changed = env(Map.of("a.html", "two"), 100);
        assertEquals("two", changed.getTemplate("a.html").render(Map.of()));
        assertEquals(2, entries().size());
    }

    @Test
    void anEntryMadeFromAnotherSourceIsNotRunUnderThisOnesName() throws IOException {
        // Files are found by a non-cryptographic digest of the source; what decides is the source
        // stored in the file, compared exactly: here the entry of "one" sits where "two" looks.
        env(Map.of("a.html", "one"), 100).getTemplate("a.html");
        Path one = entries().getFirst();
        byte[] oneBytes = Files.readAllBytes(one);
        env(Map.of("a.html", "two"), 100).getTemplate("a.html");
        Path two = entries().stream().filter(p -> !p.equals(one)).findFirst().orElseThrow();
        Files.write(two, oneBytes);
        Environment env = env(Map.of("a.html", "two"), 100);
        assertEquals("two", env.getTemplate("a.html").render(Map.of()));
        assertFalse(java.util.Arrays.equals(oneBytes, Files.readAllBytes(two)), "the entry was written again");
    }

    @Test
    void aDamagedEntryIsRebuiltNotRun() throws IOException {
        Map<String, String> t = templates(1);
        env(t, 100).getTemplate("t0.html");
        Path entry = entries().getFirst();
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 20] ^= 0x33;
        Files.write(entry, bytes);
        Environment env = env(t, 100);
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", env.getTemplate("t0.html").render(CONTEXT));
        assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(entry)), "the entry was written again");
        assertTrue(env(t, 100).getTemplate("t0.html").isPrecompiled());
    }

    @Test
    void aTruncatedOrForeignEntryIsIgnored() throws IOException {
        Map<String, String> t = templates(1);
        env(t, 100).getTemplate("t0.html");
        Path entry = entries().getFirst();
        Files.write(entry, new byte[] {1, 2, 3});
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", env(t, 100).getTemplate("t0.html").render(CONTEXT));
    }

    @Test
    void theFolderStaysWithinItsBound() throws IOException {
        Map<String, String> t = templates(6);
        Environment env = env(t, 3);
        for (int i = 0; i < 6; i++) {
            env.getTemplate("t" + i + ".html");
            assertTrue(entries().size() <= 3, entries().toString());
        }
    }

    @Test
    void anInterpretedEnvironmentUsesTheTreeOnly() {
        Map<String, String> t = templates(1);
        env(t, 100).getTemplate("t0.html");
        Environment interpreted = Environment.builder().loader(Loaders.map(t)).mode(ExecutionMode.INTERPRETED)
                .compiledCache(cache).build();
        assertFalse(interpreted.getTemplate("t0.html").isCompiled());
        assertEquals("<b>&lt;</b><b>&gt;</b> #0 a1", interpreted.getTemplate("t0.html").render(CONTEXT));
    }

    @Test
    void concurrentWritersLeaveOnlyWholeUsableEntries() throws Exception {
        Map<String, String> t = templates(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                jobs.add(() -> {
                    Environment env = env(t, 100);
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 8; i++) {
                        sb.append(env.getTemplate("t" + i + ".html").render(CONTEXT));
                    }
                    return sb.toString();
                });
            }
            List<Future<String>> results = pool.invokeAll(jobs);
            String first = results.getFirst().get();
            for (Future<String> f : results) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> files = entries();
        assertEquals(8, files.size(), "one entry per template, no temporary files left: " + files);
        Environment reader = env(t, 100);
        for (int i = 0; i < 8; i++) {
            assertTrue(reader.getTemplate("t" + i + ".html").isPrecompiled(), "entry " + i + " reads back");
            assertTrue(reader.getTemplate("t" + i + ".html").compile(), "entry " + i + " defines its class");
        }
    }
}
