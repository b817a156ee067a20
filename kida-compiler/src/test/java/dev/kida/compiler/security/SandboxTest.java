package dev.kida.compiler.security;

import dev.kida.api.GlobalFunction;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Limits;
import dev.kida.engine.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: {@code Environment.builder().sandbox()} in both modes. */
class SandboxTest {
    public record User(String name, int age, List<String> tags) {
        public String shout() {
            return name.toUpperCase();
        }
    }

    public static final class Account {
        private final List<String> log = new ArrayList<>();

        public String getOwner() {
            return "ann";
        }

        public void close() {
            log.add("closed");
        }

        public List<String> log() {
            return log;
        }
    }

    private static final Consumer<Environment.Builder> SANDBOX = Environment.Builder::sandbox;

    private static String sandboxed(String source, Map<String, ?> context) {
        return BothModes.outcome(source, context, SANDBOX);
    }

    @Test
    void ordinaryTemplatesWorkInTheSandbox() {
        User u = new User("ann", 30, List.of("a", "b"));
        assertEquals("ok:ann 30 a,b ANN 2024-01-02 3 [1, 2]|x",
                sandboxed("{{ u.name }} {{ u.age }} {{ u.tags|join(',') }} {{ u.name.upper() }} "
                        + "{{ d.plusDays(1) }} {{ range(3)|length }} {{ [1, 2] }}|{% macro m() %}x{% endmacro %}{{ m() }}",
                        Map.of("u", u, "d", LocalDate.of(2024, 1, 1))));
        assertEquals("ok:User[name=ann, age=30, tags=[a, b]]", sandboxed("{{ u }}", Map.of("u", u)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ items.append(4) }}", "{% if items.append(4) %}{% endif %}", "{{ items.pop() }}",
            "{{ items.clear() }}", "{{ d.update({'b': 2}) }}", "{{ d.pop('a') }}", "{{ d.setdefault('z', 1) }}",
            "{{ s.clear() }}", "{{ s.add(1) }}", "{{ items.sort() }}"})
    void collectionsAreNotChanged(String source) {
        List<Object> items = new ArrayList<>(List.of(1L, 2L));
        Map<String, Object> d = new java.util.HashMap<>(Map.of("a", 1L));
        Set<Object> s = new HashSet<>(Set.of(1L));
        String out = BothModes.outcome(source, () -> Map.of("items", items, "d", d, "s", s), SANDBOX);
        assertTrue(out.startsWith("TemplateSecurityException"), source + " -> " + out);
        assertEquals(List.of(1L, 2L), items);
        assertEquals(Map.of("a", 1L), d);
        assertEquals(Set.of(1L), s);
        // allowed on request
        assertTrue(BothModes.outcome("{% set l = [] %}{% if l.append(3) %}{% endif %}{{ l|length }}", Map.of(),
                b -> b.sandbox(SandboxPolicy.defaults().allowMutation())).startsWith("ok:1"));
    }

    @Test
    void methodsOfTheApplicationsTypesAreNotCalledUnlessAllowed() {
        Account a = new Account();
        String out = sandboxed("{{ a.close() }}", Map.of("a", a));
        assertTrue(out.startsWith("TemplateSecurityException"), out);
        assertEquals(List.of(), a.log());
        assertEquals("ok:ann", sandboxed("{{ a.owner }}", Map.of("a", a)));
        out = BothModes.outcome("{{ a.close() }}", Map.of("a", a),
                b -> b.sandbox(SandboxPolicy.defaults().allowMethods(Account.class, "close")));
        assertTrue(out.startsWith("ok:"), out);
        assertEquals(4, a.log().size());
    }

    @Test
    void hostFunctionsAreNotCalledUnlessAllowed() {
        AtomicInteger calls = new AtomicInteger();
        GlobalFunction f = (ctx, args) -> calls.incrementAndGet();
        java.util.function.Supplier<Object> s = calls::incrementAndGet;
        for (String source : List.of("{{ f() }}", "{{ s() }}", "{{ g() }}")) {
            String out = BothModes.outcome(source, Map.of("f", f, "s", s), b -> b.sandbox().global("g", f));
            assertTrue(out.startsWith("TemplateSecurityException"), source + " -> " + out);
        }
        assertEquals(0, calls.get());
        assertEquals("ok:1", BothModes.outcome("{{ g() > 0 }}".replace(" > 0", "") .length() > 0 ? "{{ 1 if g() else 0 }}" : "",
                Map.of(), b -> b.global("g", f).sandbox(SandboxPolicy.defaults().allowFunction("g"))));
        assertEquals("ok:1", BothModes.outcome("{{ 1 if f() else 0 }}", Map.of("f", f),
                b -> b.sandbox(SandboxPolicy.defaults().allowHostFunctions())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ file }}", "{{ [file] }}", "{{ file.path }}", "{{ {'f': file} }}", "{{ thread }}",
            "{{ sb }}", "{{ sb.append('x') }}", "{{ now.getClass() }}"})
    void refusedAndUnknownJdkTypesAreNeitherReadNorPrinted(String source) {
        String out = sandboxed(source, Map.of("file", new File("/etc/passwd"), "thread", Thread.currentThread(),
                "sb", new StringBuilder("buffer"), "now", LocalDate.of(2024, 1, 1)));
        assertTrue(out.startsWith("TemplateSecurityException") || out.startsWith("UndefinedException"),
                source + " -> " + out);
    }

    @Test
    void theSandboxHasTightLimits() {
        String out = sandboxed("{{ 'x' * 2000000 }}", Map.of());
        assertTrue(out.contains("Limits.maxStringLength"), out);
        assertEquals(Limits.sandbox(), Environment.builder().sandbox().build().limits());
        assertTrue(Environment.builder().sandbox().build().sandboxed());
    }

    @Test
    void violationsNameTemplateLineAndColumn() {
        for (ExecutionMode mode : new ExecutionMode[]{ExecutionMode.INTERPRETED, ExecutionMode.COMPILED}) {
            Environment env = Environment.builder().mode(mode).sandbox().build();
            var e = assertThrows(dev.kida.api.TemplateSecurityException.class,
                    () -> env.fromString("line one\n  {{ items.append(1) }}", "page.html").render(Map.of("items", new ArrayList<>())));
            assertEquals("page.html", e.templateName());
            assertEquals(2, e.line());
            assertTrue(e.column() > 0);
        }
    }

    @Test
    void anUnknownAllowedFunctionIsASetupError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Environment.builder().sandbox(SandboxPolicy.defaults().allowFunction("nope")).build());
        assertTrue(e.getMessage().contains("Environment.Builder.global"));
    }
}
