package dev.kida.engine.runtime.objects;

import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.TestCallContext;
import dev.kida.engine.runtime.Values;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalsTest {
    static Object call(String name, Object... args) {
        return callKw(name, Map.of(), args);
    }

    static Object callKw(String name, Map<String, Object> kw, Object... args) {
        return ((GlobalFunction) BuiltinGlobals.all().get(name)).call(new TestCallContext(), new Args(List.of(args), kw));
    }

    static Object method(Object obj, String name) {
        return Values.call(Values.getAttr(obj, name), new TestCallContext(), Args.EMPTY);
    }

    @Test
    void range() {
        assertEquals(List.of(0L, 1L, 2L), Values.toList(call("range", 3L)));
        assertEquals(List.of(10L, 7L, 4L, 1L), Values.toList(call("range", 10L, 0L, -3L)));
        assertEquals(List.of(), Values.toList(call("range", 0L)));
        assertEquals("range(0, 3)", Values.str(call("range", 3L)));
        // no sandbox limit: a big range stays lazy
        assertEquals(200_000, ((java.util.List<?>) call("range", 200_000L)).size());
        assertThrows(TemplateRuntimeException.class, () -> call("range", new java.math.BigInteger("100000000000000000000")));
        assertThrows(TemplateRuntimeException.class, () -> call("range", 1L, 2L, 0L));
    }

    @Test
    void dictAndNamespace() {
        assertEquals("{'a': 1}", Values.str(callKw("dict", Map.of("a", 1L))));
        Object ns = callKw("namespace", Map.of("count", 1L));
        assertEquals(1L, Values.getAttr(ns, "count"));
        Namespace.assign(ns, "count", 2L);
        assertEquals(2L, Values.getAttr(ns, "count"));
        var e = assertThrows(TemplateRuntimeException.class, () -> Namespace.assign(Map.of(), "x", 1L));
        assertEquals("cannot assign attribute on non-namespace object", e.detail());
    }

    @Test
    void cyclerAndJoiner() {
        Object c = call("cycler", "a", "b");
        assertEquals("a", Values.getAttr(c, "current"));
        assertEquals("a", method(c, "next"));
        assertEquals("b", method(c, "next"));
        assertEquals("a", method(c, "next"));
        method(c, "reset");
        assertEquals("a", Values.getAttr(c, "current"));
        Object j = call("joiner");
        TestCallContext ctx = new TestCallContext();
        assertEquals("", Values.call(j, ctx, Args.EMPTY));
        assertEquals(", ", Values.call(j, ctx, Args.EMPTY));
        assertEquals(", ", Values.call(j, ctx, Args.EMPTY));
    }

    @Test
    void lipsum() {
        String text = (String) callKw("lipsum", Map.of("n", 2L, "html", false));
        String[] paragraphs = text.split("\n\n");
        assertEquals(2, paragraphs.length);
        for (String p : paragraphs) {
            assertTrue(p.endsWith("."));
            assertTrue(Character.isUpperCase(p.charAt(0)));
            int words = p.split(" ").length;
            assertTrue(words >= 20 && words <= 100, "words: " + words);
        }
        Object html = call("lipsum", 1L);
        assertInstanceOf(Markup.class, html);
        assertTrue(html.toString().startsWith("<p>") && html.toString().endsWith("</p>"));
    }
}
