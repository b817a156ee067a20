package dev.kida.engine.predicates;

import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.UndefinedException;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.TestCallContext;
import dev.kida.engine.runtime.value.Undefined;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each built-in test with values where Jinja2 says true and where it says false. */
class BuiltinTestsTest {
    static boolean t(String name, Object value, Object... args) {
        return BuiltinTests.all().get(name).test(new TestCallContext(), value, new Args(Arrays.asList(args), Map.of()));
    }

    @Test
    void everyJinjaTestExists() {
        for (String name : ("boolean callable defined divisibleby eq == equalto escaped even false filter float ge >= "
                + "gt > greaterthan in integer iterable le <= lessthan lower lt < mapping ne != none number odd "
                + "sameas sequence string test true undefined upper").split(" ")) {
            assertTrue(BuiltinTests.all().containsKey(name), name);
        }
    }

    @Test
    void definedness() {
        assertTrue(t("defined", 1L));
        assertTrue(t("defined", null));
        assertFalse(t("defined", Undefined.name("x")));
        assertTrue(t("undefined", Undefined.name("x")));
        assertFalse(t("undefined", null));
        assertTrue(t("none", null));
        assertFalse(t("none", 0L));
    }

    @Test
    void types() {
        assertTrue(t("boolean", true));
        assertFalse(t("boolean", 1L));
        assertTrue(t("true", true));
        assertFalse(t("true", 1L));
        assertTrue(t("false", false));
        assertFalse(t("false", 0L));
        assertTrue(t("integer", 1L));
        assertFalse(t("integer", true));
        assertFalse(t("integer", 1.0));
        assertTrue(t("float", 1.0));
        assertFalse(t("float", 1L));
        assertTrue(t("number", true));
        assertTrue(t("number", 2.5));
        assertFalse(t("number", "1"));
        assertTrue(t("string", Markup.of("x")));
        assertFalse(t("string", 1L));
        assertTrue(t("mapping", Map.of()));
        assertFalse(t("mapping", List.of()));
        assertTrue(t("sequence", "abc"));
        assertTrue(t("sequence", List.of()));
        assertTrue(t("sequence", Map.of()));
        assertFalse(t("sequence", 5L));
        assertTrue(t("iterable", "a"));
        assertFalse(t("iterable", 5L));
        assertTrue(t("callable", (GlobalFunction) (c, a) -> null));
        assertFalse(t("callable", 5L));
        assertTrue(t("escaped", Markup.of("x")));
        assertFalse(t("escaped", "x"));
    }

    @Test
    void numbers() {
        assertTrue(t("odd", 3L));
        assertFalse(t("odd", 4L));
        assertTrue(t("even", -2L));
        assertFalse(t("even", 3L));
        assertTrue(t("divisibleby", 9L, 3L));
        assertFalse(t("divisibleby", 10L, 3L));
        assertThrows(UndefinedException.class, () -> t("even", Undefined.name("x")));
    }

    @Test
    void caseTests() {
        assertTrue(t("lower", "abc"));
        assertFalse(t("lower", "aBc"));
        assertFalse(t("lower", "123"));
        assertTrue(t("upper", "ABC 1"));
        assertFalse(t("upper", "AbC"));
    }

    @Test
    void comparisons() {
        assertTrue(t("eq", 1L, 1.0));
        assertTrue(t("==", "a", "a"));
        assertTrue(t("equalto", 2L, 2L));
        assertTrue(t("ne", 1L, 2L));
        assertTrue(t("!=", "a", "b"));
        assertTrue(t("lt", 1L, 2L));
        assertTrue(t("<", 1L, 2L));
        assertTrue(t("lessthan", 1L, 2L));
        assertTrue(t("le", 2L, 2L));
        assertTrue(t("<=", 2L, 2L));
        assertTrue(t("gt", 3L, 2L));
        assertTrue(t(">", 3L, 2L));
        assertTrue(t("greaterthan", 3L, 2L));
        assertTrue(t("ge", 2L, 2L));
        assertTrue(t(">=", 3L, 2L));
        assertFalse(t("lt", 2L, 1L));
        assertTrue(t("in", 2L, List.of(1L, 2L)));
        assertTrue(t("in", "b", "abc"));
        assertFalse(t("in", "z", Map.of("a", 1L)));
    }

    @Test
    void identityAndNames() {
        assertTrue(t("sameas", null, (Object) null));
        assertTrue(t("sameas", false, false));
        assertTrue(t("sameas", 1L, 1L));
        assertFalse(t("sameas", List.of(1L), new java.util.ArrayList<>(List.of(1L))));
        assertFalse(t("sameas", 1L, true));
        assertTrue(t("filter", "upper"));
        assertFalse(t("filter", "nope"));
        assertTrue(t("test", "odd"));
        assertFalse(t("test", "upper_x"));
    }
}
