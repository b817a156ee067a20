package dev.kida.tests.security;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 11: no generated template, sandboxed, reaches a refused type or runs a mutating method.
 * The context holds collections whose changes are visible, a StringBuilder (whose methods change
 * it), the current thread and a Class; whatever a template does, in either mode, the collections
 * stay as they were and no output shows a refused value.
 */
class SandboxPropertyTest {
    private static final Environment INTERPRETED = Environment.builder().mode(ExecutionMode.INTERPRETED).sandbox().build();
    private static final Environment COMPILED = Environment.builder().mode(ExecutionMode.COMPILED).sandbox().build();

    @Property(tries = 150)
    void sandboxedTemplatesChangeNothingAndReachNothingRefused(@ForAll long seed) {
        String source = new TemplateFuzz(seed).template(2);
        for (Environment env : List.of(INTERPRETED, COMPILED)) {
            List<Object> items = new ArrayList<>(List.of(1L, 2L, 3L));
            Map<String, Object> d = new HashMap<>(Map.of("a", 1L));
            StringBuilder sb = new StringBuilder("sb");
            Map<String, Object> context = new HashMap<>(FuzzTest.context());
            context.put("items", items);
            context.put("d", d);
            context.put("sb", sb);
            String out = "";
            try {
                out = env.fromString(source).render(context);
            } catch (KidaException e) {
                out = e.getMessage();
            }
            assertEquals(List.of(1L, 2L, 3L), items, source);
            assertEquals(Map.of("a", 1L), d, source);
            assertEquals("sb", sb.toString(), source);
            // (Jinja2's undefined messages name a host object's class, 'java.lang.StringBuilder object':
            // that is allowed; a refused value itself, or the engine's classes, never show)
            assertFalse(out.contains("Thread[") || out.contains("class java.") || out.contains("ClassLoader@")
                    || out.contains("jdk.internal") || out.contains("dev.kida.engine"), source + " -> " + out);
        }
    }
}
