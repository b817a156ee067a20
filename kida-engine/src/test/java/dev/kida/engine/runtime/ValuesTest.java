package dev.kida.engine.runtime;

import dev.kida.engine.runtime.value.BuiltinMethod;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.UndefinedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python value semantics; every expectation is what CPython 3 / Jinja2 3.1 print. */
class ValuesTest {
    static Map<Object, Object> dict(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Nested
    class Str {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "4.0|4.0", "1e16|1e+16", "1e-5|1e-05", "0.1|0.1", "1e15|1000000000000000.0",
                "123456789.123|123456789.123", "1.5e-7|1.5e-07", "1e100|1e+100", "0.0001|0.0001",
                "-2.5|-2.5", "1.7976931348623157e308|1.7976931348623157e+308", "5e-324|5e-324",
                "12345678901234567.0|1.2345678901234568e+16", "0.00012|0.00012"})
        void floatsPrintLikePythonRepr(double value, String expected) {
            assertEquals(expected, Values.str(value));
        }

        @Test
        void floatSpecials() {
            assertEquals("0.30000000000000004", Values.str(Values.add(0.1, 0.2)));
            assertEquals("inf", Values.str(Double.POSITIVE_INFINITY));
            assertEquals("-inf", Values.str(Double.NEGATIVE_INFINITY));
            assertEquals("nan", Values.str(Double.NaN));
            assertEquals("-0.0", Values.str(-0.0));
            assertEquals("0.0", Values.str(0.0));
        }

        @Test
        void scalars() {
            assertEquals("None", Values.str(null));
            assertEquals("True", Values.str(true));
            assertEquals("False", Values.str(false));
            assertEquals("42", Values.str(42L));
            assertEquals("7", Values.str(7));
            assertEquals("<b>", Values.str(Markup.of("<b>")));
        }

        @Test
        void containersUseRepr() {
            assertEquals("['a', 1]", Values.str(List.of("a", 1L)));
            assertEquals("('a',)", Values.str(Tuple.of("a")));
            assertEquals("()", Values.str(Tuple.of()));
            assertEquals("(1, 2)", Values.str(Tuple.of(1L, 2L)));
            assertEquals("{'k': 'v'}", Values.str(dict("k", "v")));
            assertEquals("[None, True, 1.5]", Values.str(java.util.Arrays.asList(null, true, 1.5)));
            assertEquals("[[1], {}]", Values.str(List.of(List.of(1L), Map.of())));
        }

        @Test
        void stringReprQuoting() {
            assertEquals("\"it's\"", Values.repr("it's"));
            assertEquals("'a\"b'", Values.repr("a\"b"));
            assertEquals("'it\\'s \"x\"'", Values.repr("it's \"x\""));
            assertEquals("'a\\nb\\t\\\\'", Values.repr("a\nb\t\\"));
            assertEquals("'\\x00é'", Values.repr("\0é"));
            assertEquals("Markup('<b>')", Values.repr(Markup.of("<b>")));
        }

        @Test
        void undefinedRaises() {
            assertThrows(UndefinedException.class, () -> Values.str(Undefined.name("x")));
            assertThrows(UndefinedException.class, () -> Values.truthy(Undefined.name("x")));
            assertThrows(UndefinedException.class, () -> Values.iterate(Undefined.name("x")));
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void intOverflowPromotesToBigInteger() {
            assertEquals(new BigInteger("9223372036854775808"), Values.add(Long.MAX_VALUE, 1L));
            assertEquals(new BigInteger("-9223372036854775809"), Values.sub(Long.MIN_VALUE, 1L));
            assertEquals(new BigInteger("85070591730234615847396907784232501249"),
                    Values.mul(Long.MAX_VALUE, Long.MAX_VALUE));
            assertEquals(new BigInteger("1267650600228229401496703205376"), Values.pow(2L, 100L));
            // back to Long when it fits
            assertEquals(5L, Values.sub(new BigInteger("9223372036854775812"), Long.MAX_VALUE));
        }

        @Test
        void division() {
            assertEquals(3.5, Values.div(7L, 2L));
            assertEquals(2.0, Values.div(4L, 2L));
            assertEquals(-4L, Values.floorDiv(-7L, 2L));
            assertEquals(-4L, Values.floorDiv(7L, -2L));
            assertEquals(2L, Values.mod(-7L, 3L));
            assertEquals(-2L, Values.mod(7L, -3L));
            assertEquals(3.0, Values.floorDiv(7.5, 2L));
            assertEquals(0.5, Values.mod(-7.5, 2L));
            assertEquals(new BigInteger("9223372036854775808"), Values.floorDiv(Long.MIN_VALUE, -1L));
            var e = assertThrows(TemplateRuntimeException.class, () -> Values.div(1L, 0L));
            assertEquals("division by zero", e.detail());
            assertThrows(TemplateRuntimeException.class, () -> Values.floorDiv(1L, 0L));
            assertThrows(TemplateRuntimeException.class, () -> Values.mod(1.0, 0.0));
        }

        @Test
        void powers() {
            assertEquals(1024L, Values.pow(2L, 10L));
            assertEquals(0.5, Values.pow(2L, -1L));
            assertEquals(8.0, Values.pow(2.0, 3L));
            assertEquals(1L, Values.pow(0L, 0L));
        }

        @Test
        void boolsAreInts() {
            assertEquals(2L, Values.add(true, true));
            assertEquals(-1L, Values.neg(true));
            assertEquals(1.5, Values.add(true, 0.5));
        }

        @Test
        void sequences() {
            assertEquals("ababab", Values.mul("ab", 3L));
            assertEquals("ababab", Values.mul(3L, "ab"));
            assertEquals("", Values.mul("ab", -1L));
            assertEquals(List.of(1L, 1L), Values.mul(List.of(1L), 2L));
            assertEquals(List.of(1L, 2L), Values.add(List.of(1L), List.of(2L)));
            assertEquals("ab", Values.add("a", "b"));
            assertEquals(Markup.of("&lt;a&gt;<b>"), Values.add("<a>", Markup.of("<b>")));
        }

        @Test
        void typeErrors() {
            var e = assertThrows(TemplateTypeException.class, () -> Values.add(1L, "a"));
            assertEquals("unsupported operand type(s) for +: 'int' and 'str'", e.detail());
            e = assertThrows(TemplateTypeException.class, () -> Values.add("a", 1L));
            assertEquals("can only concatenate str (not \"int\") to str", e.detail());
            e = assertThrows(TemplateTypeException.class, () -> Values.sub("a", "b"));
            assertEquals("unsupported operand type(s) for -: 'str' and 'str'", e.detail());
            e = assertThrows(TemplateTypeException.class, () -> Values.neg("a"));
            assertEquals("bad operand type for unary -: 'str'", e.detail());
            assertThrows(UndefinedException.class, () -> Values.add(Undefined.name("x"), 1L));
        }

        @Test
        void percentFormatting() {
            assertEquals("a-3", Values.mod("%s-%d", Tuple.of("a", 3L)));
            assertEquals("2.67", Values.mod("%.2f", 2.675));
            assertEquals("0.12", Values.mod("%.2f", 0.125));
            assertEquals("  3.1|7   |0042", Values.mod("%5.1f|%-4d|%04d", Tuple.of(3.14159, 7L, 42L)));
            assertEquals("ff FF 0xff", Values.mod("%x %X %#x", Tuple.of(255L, 255L, 255L)));
            assertEquals("1 and 'b'", Values.mod("%(a)s and %(b)r", dict("a", 1L, "b", "b")));
            assertEquals("1.000000e+03 1000 1e+06 100%", Values.mod("%e %g %g 100%%", Tuple.of(1000.0, 1000.0, 1e6)));
            assertEquals("None", Values.mod("%s", null));
            assertThrows(TemplateTypeException.class, () -> Values.mod("%s %s", "a"));
            assertThrows(TemplateTypeException.class, () -> Values.mod("%s", Tuple.of("a", "b")));
        }
    }

    @Nested
    class Compare {
        @Test
        void equality() {
            assertTrue(Values.eq(1L, 1.0));
            assertTrue(Values.eq(1, 1L));
            assertTrue(Values.eq(1L, true));
            assertTrue(Values.eq("a", Markup.of("a")));
            assertTrue(Values.eq(List.of(1L, 2L), List.of(1, 2.0)));
            assertFalse(Values.eq(List.of(1L), Tuple.of(1L)));
            assertTrue(Values.eq(dict("a", 1L), Map.of("a", 1)));
            assertFalse(Values.eq(Double.NaN, Double.NaN));
            assertFalse(Values.eq(null, 0L));
            assertFalse(Values.eq("1", 1L));
        }

        @Test
        void ordering() {
            assertTrue(Values.compare(1L, 2.5) < 0);
            assertTrue(Values.compare("a", "b") < 0);
            // code point order: U+FFFF sorts before an astral character (UTF-16 order says otherwise)
            assertTrue(Values.compare("\uFFFF", "😀") < 0);
            assertTrue(Values.compare(List.of(1L, 2L), List.of(1L, 3L)) < 0);
            assertTrue(Values.compare(List.of(1L), List.of(1L, 0L)) < 0);
            assertFalse(Values.compare(Double.NaN, 1L, "<"));
            assertTrue(Values.compare(2L, 2L, ">="));
            var e = assertThrows(TemplateTypeException.class, () -> Values.compare(1L, "a"));
            assertEquals("'<' not supported between instances of 'int' and 'str'", e.detail());
            e = assertThrows(TemplateTypeException.class, () -> Values.compare(null, 1L, ">"));
            assertEquals("'>' not supported between instances of 'NoneType' and 'int'", e.detail());
        }

        @Test
        void membership() {
            assertTrue(Values.contains("abc", "bc"));
            assertFalse(Values.contains("abc", "x"));
            assertTrue(Values.contains(dict("k", 1L), "k"));
            assertFalse(Values.contains(dict("k", 1L), 1L));
            assertTrue(Values.contains(List.of(1L, 2L), 2.0));
            assertTrue(Values.contains(Tuple.of("a"), "a"));
            assertThrows(TemplateTypeException.class, () -> Values.contains("abc", 1L));
            assertThrows(TemplateTypeException.class, () -> Values.contains(5L, 1L));
        }
    }

    @Nested
    class Sequences {
        @Test
        void codePointIndexing() {
            String s = "a😀b";
            assertEquals(3, Values.length(s));
            assertEquals("😀", Values.getItem(s, 1L));
            assertEquals("b", Values.getItem(s, -1L));
            assertInstanceOf(Undefined.class, Values.getItem(s, 3L));
            assertEquals(List.of("a", "😀", "b"), Values.toList(s));
        }

        @Test
        void slicing() {
            assertEquals("cb😀a", Values.slice("a😀bc", null, null, -1L));
            assertEquals("😀b", Values.slice("a😀bc", 1L, 3L, null));
            assertEquals("bd", Values.slice("abcdef", 1L, 5L, 2L));
            assertEquals("ef", Values.slice("abcdef", -2L, null, null));
            assertEquals("fedc", Values.slice("abcdef", 5L, 1L, -1L));
            assertEquals("", Values.slice("abc", 5L, null, null));
            assertEquals(List.of(4L, 2L, 0L), Values.slice(List.of(0L, 1L, 2L, 3L, 4L), null, null, -2L));
            assertEquals(Tuple.of(2L, 3L), Values.slice(Tuple.of(1L, 2L, 3L), 1L, null, null));
            assertInstanceOf(Tuple.class, Values.slice(Tuple.of(1L, 2L, 3L), 1L, null, null));
            assertEquals(Markup.of("<b"), Values.slice(Markup.of("<b>"), null, 2L, null));
            assertThrows(TemplateRuntimeException.class, () -> Values.slice("abc", null, null, 0L));
        }

        @Test
        void iteration() {
            assertEquals(List.of("a", "b"), Values.toList(dict("a", 1L, "b", 2L)));
            assertEquals(List.of(1L, 2L), Values.toList(new int[]{1, 2}));
            var e = assertThrows(TemplateTypeException.class, () -> Values.iterate(5L));
            assertEquals("'int' object is not iterable", e.detail());
            assertEquals(2, Values.length(dict("a", 1L, "b", 2L)));
            assertThrows(TemplateTypeException.class, () -> Values.length(5L));
        }

        @Test
        void truthiness() {
            assertFalse(Values.truthy(""));
            assertFalse(Values.truthy(0L));
            assertFalse(Values.truthy(0.0));
            assertFalse(Values.truthy(List.of()));
            assertFalse(Values.truthy(Map.of()));
            assertFalse(Values.truthy(null));
            assertTrue(Values.truthy("0"));
            assertTrue(Values.truthy(Tuple.of((Object) null)));
        }
    }

    @Nested
    class Methods {
        Object call(Object self, String method, Object... args) {
            return Values.call(Values.getAttr(self, method), new TestCallContext(), new Args(java.util.Arrays.asList(args), Map.of()));
        }

        @Test
        void strMethods() {
            assertEquals(List.of("a", "b"), call("a,b", "split", ","));
            assertEquals(List.of("a", "b c"), call("a b c", "split", null, 1L));
            assertEquals(List.of("a b", "c"), call("a b c", "rsplit", " ", 1L));
            assertEquals("HELLO", call("hello", "upper"));
            assertEquals("x", call("  x \n", "strip"));
            assertEquals("Hello World", call("hello world", "title"));
            assertEquals("Hello", call("hELLO", "capitalize"));
            assertEquals("1 a", call("{} {}", "format", 1L, "a"));
            assertEquals("   ab|3.14|1,234,567", call("{:>5}|{:.2f}|{:,}", "format", "ab", 3.14159, 1234567L));
            assertEquals(true, call("abc", "startswith", "ab"));
            assertEquals(true, call("abc", "endswith", Tuple.of("x", "c")));
            assertEquals(2L, call("a😀b", "find", "b"));
            assertEquals(Tuple.of("a", "=", "b=c"), call("a=b=c", "partition", "="));
            assertEquals("a-b", call("-", "join", List.of("a", "b")));
            assertEquals("00042", call("42", "zfill", 5L));
            assertEquals("  ab ", call("ab", "center", 5L));
            assertEquals(Markup.of("&lt;i&gt;b"), call(Markup.of("ab"), "replace", "a", "<i>"));
        }

        @Test
        void dictAndListMethods() {
            Map<Object, Object> d = dict("a", 1L, "items", "key");
            assertEquals("dict_items([('a', 1), ('items', 'key')])", Values.str(call(d, "items")));
            assertEquals(5L, call(d, "get", "z", 5L));
            assertEquals(1L, call(d, "get", "a"));
            // attribute first for obj.attr, item first for obj[key]
            assertInstanceOf(BuiltinMethod.class, Values.getAttr(d, "items"));
            assertEquals("key", Values.getItem(d, "items"));
            assertInstanceOf(BuiltinMethod.class, Values.getItem(dict(), "keys"));
            List<Object> l = new ArrayList<>(List.of(3L, 1L));
            call(l, "append", 2L);
            assertEquals(List.of(3L, 1L, 2L), l);
            call(l, "sort");
            assertEquals(List.of(1L, 2L, 3L), l);
            assertEquals(3L, call(l, "pop"));
            assertEquals(1L, call(l, "index", 2L));
        }

        @Test
        void notCallable() {
            var e = assertThrows(TemplateTypeException.class,
                    () -> Values.call(5L, new TestCallContext(), Args.EMPTY));
            assertEquals("'int' object is not callable", e.detail());
            assertEquals(6L, Values.call((java.util.function.Function<Object, Object>) x -> Values.mul(x, 2L),
                    new TestCallContext(), new Args(List.of(3L), Map.of())));
        }
    }

    @Test
    void loopItemsKeepImmutableListsAndCopyTheRest() {
        List<Object> listOf = List.of("a", "b", "c");
        List<Object> one = List.of("a");
        List<Object> streamed = java.util.stream.Stream.<Object>of("a", null).toList();
        assertTrue(Values.loopItems(listOf) == listOf);
        assertTrue(Values.loopItems(one) == one);
        assertTrue(Values.loopItems(streamed) == streamed);
        assertTrue(Values.loopItems(listOf.subList(1, 3)) != null);
        assertEquals(List.of("b", "c"), Values.loopItems(listOf.subList(1, 3)));
        // a list that can change is copied: the loop sees the items as they were when it started
        List<Object> mutable = new ArrayList<>(List.of("a", "b"));
        List<Object> items = Values.loopItems(mutable);
        mutable.add("c");
        assertEquals(List.of("a", "b"), items);
        List<Object> view = java.util.Collections.unmodifiableList(mutable);
        List<Object> viewItems = Values.loopItems(view);
        mutable.add("d");
        assertEquals(List.of("a", "b", "c"), viewItems);
        assertEquals(List.of(1L, 2L), Values.loopItems(new int[] {1, 2}));
    }
}
