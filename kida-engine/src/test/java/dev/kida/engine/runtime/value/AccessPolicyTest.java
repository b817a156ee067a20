package dev.kida.engine.runtime.value;

import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.TestCallContext;
import dev.kida.engine.runtime.Values;
import dev.kida.api.GlobalFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessPolicyTest {
    public record Person(String name, int age) {
        public String greet(String other) {
            return "hi " + other + " from " + name;
        }
    }

    public static class Bean {
        public String getTitle() {
            return "T";
        }

        public boolean isActive() {
            return true;
        }

        public String label() {
            return "L";
        }

        public Class<?> getType() {
            return String.class;
        }

        public Thread getWorker() {
            return Thread.currentThread();
        }

        public final String field = "F";
    }

    @Test
    void recordsBeansAndPlainMethods() {
        Person p = new Person("Alice", 30);
        assertEquals("Alice", Values.getAttr(p, "name"));
        assertEquals(30, Values.getAttr(p, "age"));
        assertEquals("Alice", Values.getItem(p, "name"));
        Object greet = Values.getAttr(p, "greet");
        assertInstanceOf(GlobalFunction.class, greet);
        assertEquals("hi Bob from Alice", Values.call(greet, new TestCallContext(), new Args(List.of("Bob"), Map.of())));
        Bean b = new Bean();
        assertEquals("T", Values.getAttr(b, "title"));
        assertEquals(true, Values.getAttr(b, "active"));
        // a method that is not a getter is only bound on read; it runs when called
        assertInstanceOf(GlobalFunction.class, Values.getAttr(b, "label"));
        assertEquals("L", Values.call(Values.getAttr(b, "label"), new TestCallContext(), new Args(List.of(), Map.of())));
        assertEquals("F", Values.getAttr(b, "field"));
    }

    @Test
    void classMachineryIsDenied() {
        Bean b = new Bean();
        assertInstanceOf(Undefined.class, Values.getAttr(b, "class"));
        assertInstanceOf(Undefined.class, Values.getAttr(b, "getClass"));
        assertInstanceOf(Undefined.class, Values.getAttr(b, "type"));
        assertInstanceOf(Undefined.class, Values.getAttr(b, "worker"));
        assertInstanceOf(Undefined.class, Values.getAttr("abc", "class"));
        assertInstanceOf(Undefined.class, Values.getAttr(String.class, "name"));
        assertInstanceOf(Undefined.class, Values.getAttr(new Person("a", 1), "hashCode"));
    }

    @Test
    void missingGivesJinjaMessages() {
        Undefined u = (Undefined) Values.getAttr(Map.of(), "x");
        assertEquals("'dict object' has no attribute 'x'", u.message());
        u = (Undefined) Values.getItem(List.of(1L), 5L);
        assertEquals("list object has no element 5", u.message());
        u = (Undefined) Values.getAttr(null, "x");
        assertEquals("'None' has no attribute 'x'", u.message());
        assertThrows(dev.kida.api.UndefinedException.class, () -> Values.getAttr(Undefined.name("u"), "x"));
    }

    @Test
    void mapsListsAndOptionals() {
        assertEquals(1, Values.getAttr(Map.of("a", 1), "a"));
        assertEquals(2L, Values.getItem(List.of(1L, 2L), -1L));
        assertEquals("b", Values.getItem(new String[]{"a", "b"}, 1L));
        assertEquals("Alice", Values.getAttr(Optional.of(new Person("Alice", 1)), "name"));
        assertEquals("v", Values.getItem(Map.of(1, "v"), 1L));
    }

    @Test
    void gettersNeedTheirResultsCheckedUnlessTheDeclaredTypeRulesOutDeniedValues() {
        assertFalse(AccessPolicy.needsCheck(double.class));
        assertFalse(AccessPolicy.needsCheck(String.class));
        assertFalse(AccessPolicy.needsCheck(Long.class));
        assertTrue(AccessPolicy.needsCheck(Object.class));
        assertTrue(AccessPolicy.needsCheck(CharSequence.class));
        assertTrue(AccessPolicy.needsCheck(Object[].class));
        assertTrue(AccessPolicy.needsCheck(Class.class));
        assertTrue(AccessPolicy.needsCheck(Thread.class));
    }

    @Test
    void deniedTypesIncludeSubtypesAndArrays() {
        assertTrue(AccessPolicy.isDeniedType(Thread.class));
        assertTrue(AccessPolicy.isDeniedType(new Thread() { }.getClass()));
        assertTrue(AccessPolicy.isDeniedType(Class[][].class));
        assertTrue(AccessPolicy.isDeniedType(java.lang.reflect.Method.class));
        assertFalse(AccessPolicy.isDeniedType(String.class));
        assertFalse(AccessPolicy.isDeniedType(null));
    }
}
