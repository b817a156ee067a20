package dev.kida.compiler.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, findings 1-5 and 7: what the default access policy lets a template reach, in both modes. */
class AccessPolicyFindingsTest {

    /** Counts the calls of its methods: a template must not run them by reading an attribute. */
    public static final class Danger {
        public final AtomicInteger deletes = new AtomicInteger();
        public final List<String> execs = new ArrayList<>();

        public boolean delete() {
            deletes.incrementAndGet();
            return true;
        }

        public String exec() {
            execs.add("()");
            return "ran";
        }

        public String exec(String command) {
            execs.add(command);
            return "ran " + command;
        }

        public String getName() {
            return "danger";
        }

        public String describe(Object o) {
            return "object";
        }

        public String describe(String s) {
            return "string " + s;
        }
    }

    public record Holder(List<Object> types, Map<String, Object> byName, Object[] array, Optional<Object> maybe,
                         Iterator<Object> iterator, Supplier<Object> supplier) {
    }

    public record Leaky(String name, ClassLoader loader) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{{ danger.delete }}",
            "{% if danger.delete %}y{% endif %}",
            "{{ danger.delete is defined }}",
            "{{ [danger]|map(attribute='delete')|list }}",
            "{{ '{0.delete}'.format(danger) }}",
            "{{ danger['delete'] }}",
            "{{ danger.delete|string }}",
    })
    void anAttributeReadNeverRunsAMethod(String source) {
        Danger d = new Danger();
        BothModes.outcome(source, Map.of("danger", d));
        assertEquals(0, d.deletes.get(), source);
    }

    @Test
    void methodsRunWhenCalledAndGettersOnRead() {
        Danger d = new Danger();
        assertEquals("ok:True danger", BothModes.outcome("{{ danger.delete() }} {{ danger.name }}", Map.of("danger", d)));
        assertEquals(4, d.deletes.get()); // two renders in each mode
    }

    @Test
    void overloadsAreResolvedByArgumentsNotShadowedByTheNoArgumentOne() {
        Danger d = new Danger();
        assertEquals("ok:ran id|ran", BothModes.outcome("{{ danger.exec('id') }}|{{ danger.exec() }}",
                Map.of("danger", d)));
        assertEquals(List.of("id", "()", "id", "()", "id", "()", "id", "()"), d.execs);
        assertEquals("ok:string x|object", BothModes.outcome("{{ danger.describe('x') }}|{{ danger.describe(1) }}",
                Map.of("danger", d)));
    }

    @Test
    void aSetIsNotEmptiedByReadingClear() {
        Set<String> set = new HashSet<>(Set.of("a"));
        BothModes.outcome("{{ jset.clear }}{{ jset.iterator.next }}", Map.of("jset", set));
        assertEquals(Set.of("a"), set);
    }

    @Test
    void filesPathsUrisAndUrlsAreOpaque(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "secret");
        Map<String, Object> ctx = Map.of("file", victim.toFile(), "path", victim, "uri", victim.toUri(),
                "url", victim.toUri().toURL());
        for (String source : List.of("{{ file.delete() }}", "{{ file.delete }}", "{{ path.toFile().delete() }}",
                "{{ uri.resolve('/etc/passwd').toURL().openStream().readAllBytes() }}",
                "{% for b in uri.resolve('/proc/self/environ').toURL.openStream.readAllBytes %}{{ b }}{% endfor %}",
                "{{ url.openStream() }}", "{{ url.content }}", "{{ file.absolutePath }}", "{{ path.fileName }}",
                "{{ file.renameTo(file) }}", "{{ uri.toURL() }}")) {
            String out = BothModes.outcome(source, ctx);
            assertTrue(out.startsWith("UndefinedException"), source + " -> " + out);
        }
        assertEquals("secret", Files.readString(victim));
        // holding and printing them is fine
        assertEquals("ok:" + victim, BothModes.outcome("{{ path }}", ctx));
    }

    @Test
    void blockingMethodsAreUnreachable() {
        CountDownLatch latch = new CountDownLatch(1);
        CompletableFuture<String> future = new CompletableFuture<>();
        Map<String, Object> ctx = Map.of("latch", latch, "future", future, "unit", TimeUnit.SECONDS,
                "executor", Executors.newSingleThreadExecutor());
        try {
            for (String source : List.of("{{ latch.await }}", "{{ latch.await() }}", "{{ future.join }}",
                    "{{ future.join() }}", "{{ future.get() }}", "{{ unit.sleep(1500) }}",
                    "{{ future.complete('x') }}", "{{ executor.shutdownNow }}", "{{ executor.shutdownNow() }}")) {
                String out = BothModes.outcome(source, ctx);
                assertTrue(out.startsWith("UndefinedException"), source + " -> " + out);
            }
            assertFalse(future.isDone());
            assertFalse(((java.util.concurrent.ExecutorService) ctx.get("executor")).isShutdown());
        } finally {
            ((java.util.concurrent.ExecutorService) ctx.get("executor")).shutdownNow();
        }
    }

    @Test
    void refusedValuesInsideContainersAreNeverPrinted() {
        java.util.function.Supplier<Map<String, ?>> ctx = () -> Map.of("obj", new Holder(List.of("ok", Runtime.class),
                Map.of("loader", ClassLoader.getSystemClassLoader()),
                new Object[]{"a", Thread.currentThread()}, Optional.of(Runtime.getRuntime()),
                List.<Object>of(String.class).iterator(), () -> Runtime.getRuntime()));
        for (String source : List.of("{{ obj.types[1] }}", "{{ obj.types }}", "{{ obj.byName }}",
                "{{ obj.byName.loader }}", "{{ obj.array[1] }}", "{{ obj.array }}", "{{ obj.maybe }}",
                "{% for t in obj.iterator %}{{ t }}{% endfor %}", "{{ obj.supplier() }}",
                "{{ obj.types|last }}", "{{ obj.types|string }}", "{{ obj.types|tojson }}", "{{ obj|string }}",
                "{{ obj.types|join(',') }}", "{{ obj.types|pprint }}")) {
            String out = BothModes.outcome(source, ctx, b -> { });
            assertFalse(out.contains("class java.lang.Runtime") || out.contains("AppClassLoader") || out.contains("Thread["),
                    source + " -> " + out);
            assertFalse(out.startsWith("ok:"), source + " -> " + out);
        }
        assertEquals("ok:ok", BothModes.outcome("{{ obj.types[0] }}", ctx, b -> { }));
    }

    @Test
    void refusedValuesCannotBePassedAsArguments() {
        Danger d = new Danger();
        Holder h = new Holder(List.of(Runtime.class), Map.of(), new Object[0], Optional.empty(),
                List.of().iterator(), () -> Thread.currentThread());
        String out = BothModes.outcome("{{ danger.describe(obj.types|first) }}", Map.of("danger", d, "obj", h));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        out = BothModes.outcome("{{ danger.describe(obj.types) }}", Map.of("danger", d, "obj", h));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        dev.kida.api.GlobalFunction f = (ctx, args) -> calls.incrementAndGet();
        out = BothModes.outcome("{{ f(obj.types) }}", Map.of("f", f, "obj", h));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        out = BothModes.outcome("{{ f(x=obj.supplier()) }}", Map.of("f", f, "obj", h));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        assertEquals(0, calls.get());
    }

    @Test
    void aRecordIsNotPrintedWhenItHoldsARefusedValue() {
        String out = BothModes.outcome("{{ r }}", Map.of("r", new Leaky("x", ClassLoader.getSystemClassLoader())));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        assertEquals("ok:x", BothModes.outcome("{{ r.name }}", Map.of("r", new Leaky("x", null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ ''.upper.body }}", "{{ range.function }}", "{{ ''.upper.self }}",
            "{{ lipsum.repr }}", "{{ f.andThen }}", "{{ range.foo }}", "{{ lipsum }}|", "{{ f }}|"})
    void engineClassesNeverLeak(String source) {
        String out = BothModes.outcome(source, Map.of("f", (java.util.function.Function<Object, Object>) x -> x));
        assertFalse(out.contains("dev.kida") || out.contains("Lambda") || out.contains("$"), source + " -> " + out);
        assertFalse(out.startsWith("ok:") && !source.endsWith("|"), source + " -> " + out);
    }
}
