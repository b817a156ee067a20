package dev.kida.engine.filters;

import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.TestCallContext;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One or more checks per built-in filter; expectations are Jinja2 3.1's documented or actual output. */
class FiltersTest {
    private static final TestCallContext PLAIN = new TestCallContext(false);
    private static final TestCallContext ESCAPING = new TestCallContext(true);

    static Object f(String name, Object value, Object... args) {
        return apply(PLAIN, name, value, Map.of(), args);
    }

    static Object fk(String name, Object value, Map<String, Object> kw, Object... args) {
        return apply(PLAIN, name, value, kw, args);
    }

    static Object apply(TestCallContext ctx, String name, Object value, Map<String, Object> kw, Object... args) {
        return BuiltinFilters.all().get(name).apply(ctx, value, new Args(Arrays.asList(args), kw));
    }

    /** Lazy filters return a one-shot iterator, as Jinja2's generators; this drains it into a list. */
    static List<Object> gen(Object v) {
        return Values.toList(v);
    }

    static String s(Object v) {
        return Values.str(v);
    }

    static Map<Object, Object> dict(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static final List<Object> USERS = List.of(
            dict("name", "bob", "age", 40L, "city", "NY", "active", true),
            dict("name", "Alice", "age", 30L, "city", "LA", "active", false),
            dict("name", "carol", "age", 30L, "city", "la", "active", true));

    @Test
    void everyJinjaFilterExists() {
        for (String name : ("abs attr batch capitalize center count d default dictsort e escape filesizeformat first "
                + "float forceescape format groupby indent int items join last length list lower map max min pprint "
                + "random reject rejectattr replace reverse round safe select selectattr slice sort string striptags "
                + "sum title tojson trim truncate unique upper urlencode urlize wordcount wordwrap xmlattr").split(" ")) {
            assertTrue(BuiltinFilters.all().containsKey(name), name);
        }
    }

    @Test
    void abs() {
        assertEquals(3L, f("abs", -3L));
        assertEquals(2.5, f("abs", -2.5));
        assertThrows(TemplateTypeException.class, () -> f("abs", "x"));
    }

    @Test
    void attr() {
        assertInstanceOf(Undefined.class, f("attr", dict("x", 1L), "x"));
        assertEquals("dict_items([('x', 1)])", s(Values.call(f("attr", dict("x", 1L), "items"), PLAIN, Args.EMPTY)));
    }

    @Test
    void batchAndSlice() {
        List<Object> seven = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertEquals("[[1, 2, 3], [4, 5, 6], [7]]", s(gen(f("batch", seven, 3L))));
        assertEquals("[[1, 2, 3], [4, 5, 6], [7, 0, 0]]", s(gen(f("batch", seven, 3L, 0L))));
        assertEquals("[[1, 2, 3], [4, 5], [6, 7]]", s(gen(f("slice", seven, 3L))));
        assertEquals("[[1, 2, 3], [4, 5, 0], [6, 7, 0]]", s(gen(f("slice", seven, 3L, 0L))));
    }

    @Test
    void caseFilters() {
        assertEquals("Hello world", f("capitalize", "hELLO wORLD"));
        assertEquals("HELLO", f("upper", "hello"));
        assertEquals("hello", f("lower", "HeLLo"));
        assertEquals(Markup.of("<B>A</B>"), f("upper", Markup.of("<b>a</b>")));
        assertEquals("Hello World-Foo (Bar) X's", f("title", "hello world-foo (bar) x's"));
        assertEquals("Hello\tWorld", f("title", "hELLO\tworld"));
    }

    @Test
    void center() {
        assertEquals("  ab  ", f("center", "ab", 6L));
        assertEquals(" abc  ", f("center", "abc", 6L));
        assertEquals(80, ((String) f("center", "x")).length());
    }

    @Test
    void countAndLength() {
        assertEquals(2L, f("length", "a😀"));
        assertEquals(3L, f("count", List.of(1L, 2L, 3L)));
        assertEquals(1L, f("length", dict("a", 1L)));
    }

    @Test
    void defaultFilter() {
        assertEquals("", f("default", Undefined.name("x")));
        assertEquals("x", f("d", Undefined.name("x"), "x"));
        assertEquals("", f("default", "", "x"));
        assertEquals("x", f("default", "", "x", true));
        assertEquals("x", fk("default", 0L, Map.of("default_value", "x", "boolean", true)));
        assertEquals(null, f("default", null, "x"));
    }

    @Test
    void dictsort() {
        Map<Object, Object> d = dict("b", 1L, "A", 2L, "c", 0L);
        assertEquals("[('A', 2), ('b', 1), ('c', 0)]", s(f("dictsort", d)));
        assertEquals("[('c', 0), ('b', 1), ('A', 2)]", s(fk("dictsort", d, Map.of("by", "value"))));
        assertEquals("[('c', 0), ('b', 1), ('A', 2)]", s(fk("dictsort", d, Map.of("reverse", true))));
        assertEquals("[('A', 2), ('b', 1), ('c', 0)]", s(f("dictsort", dict("b", 1L, "c", 0L, "A", 2L), true)));
        assertThrows(TemplateRuntimeException.class, () -> fk("dictsort", d, Map.of("by", "x")));
    }

    @Test
    void escaping() {
        assertEquals(Markup.of("&lt;a href=&#39;x&#39;&gt;&amp;"), f("escape", "<a href='x'>&"));
        assertEquals(Markup.of("<b>"), f("e", Markup.of("<b>")));
        assertEquals(Markup.of("&lt;b&gt;"), f("forceescape", Markup.of("<b>")));
        assertEquals(Markup.of("<b>"), f("safe", "<b>"));
        assertInstanceOf(Markup.class, f("safe", 1L));
    }

    @Test
    void filesizeformat() {
        assertEquals("1 Byte", f("filesizeformat", 1L));
        assertEquals("100 Bytes", f("filesizeformat", 100L));
        assertEquals("1.0 kB", f("filesizeformat", 1000L));
        assertEquals("1.5 MB", f("filesizeformat", 1_500_000L));
        assertEquals("1.0 KiB", f("filesizeformat", 1024L, true));
        assertEquals("1000000.0 YB", f("filesizeformat", 1e30));
    }

    @Test
    void firstAndLast() {
        assertEquals(1L, f("first", List.of(1L, 2L)));
        assertEquals(2L, f("last", List.of(1L, 2L)));
        assertEquals("c", f("last", "abc"));
        assertInstanceOf(Undefined.class, f("first", List.of()));
        assertInstanceOf(Undefined.class, f("last", List.of()));
    }

    @Test
    void floatAndInt() {
        assertEquals(3.5, f("float", "3.5"));
        assertEquals(1000.0, f("float", " 1e3 "));
        assertEquals(0.0, f("float", "abc"));
        assertEquals(1.5, f("float", "x", 1.5));
        assertEquals(42L, f("int", "42"));
        assertEquals(42L, f("int", "42.7"));
        assertEquals(0L, f("int", "abc"));
        assertEquals(5L, f("int", "abc", 5L));
        assertEquals(26L, fk("int", "0x1A", Map.of("base", 16L)));
        assertEquals(255L, fk("int", "ff", Map.of("base", 16L)));
        assertEquals(3L, f("int", 3.9));
        assertEquals(12L, f("int", "  12  "));
        assertEquals(1000L, f("int", "1_000"));
        assertEquals(-3L, f("int", -3.9));
    }

    @Test
    void format() {
        assertEquals("a - b", f("format", "%s - %s", "a", "b"));
        assertEquals("1!", fk("format", "%(x)s!", Map.of("x", 1L)));
        assertEquals("3.14", f("format", "%.2f", 3.14159));
        assertEquals(Markup.of("<b>&lt;i&gt;</b>"), f("format", Markup.of("<b>%s</b>"), "<i>"));
        assertThrows(TemplateRuntimeException.class, () -> fk("format", "%s", Map.of("x", 1L), "a"));
    }

    @Test
    void groupby() {
        Object groups = f("groupby", USERS, "city");
        // case-insensitive by default: 'LA' and 'la' share a group named after its first item
        assertEquals(2, Values.length(groups));
        Object la = Values.getItem(groups, 0L);
        assertEquals("LA", Values.getAttr(la, "grouper"));
        assertEquals(2, Values.length(Values.getAttr(la, "list")));
        assertEquals("NY", Values.getItem(Values.getItem(groups, 1L), 0L));
        assertEquals("[(1, [{'a': 1, 'b': 2}]), (2, [{'a': 2}])]",
                s(f("groupby", List.of(dict("a", 1L, "b", 2L), dict("a", 2L)), "a")));
        assertEquals(3, Values.length(fk("groupby", USERS, Map.of("case_sensitive", true), "city")));
        assertEquals("[('x', [{}])]", s(fk("groupby", List.of(dict()), Map.of("default", "x"), "a")));
    }

    @Test
    void indent() {
        assertEquals("a\n    b\n\n    c", f("indent", "a\nb\n\nc"));
        assertEquals("  a\n  b", f("indent", "a\nb", 2L, true));
        assertEquals("a\n    b\n    \n    c", fk("indent", "a\nb\n\nc", Map.of("blank", true)));
        assertEquals("a\n> b", f("indent", "a\nb", "> "));
        // Jinja2 3.1.6 wraps the indention in Markup for a Markup value: not escaped
        assertEquals(Markup.of("a\n< b"), f("indent", Markup.of("a\nb"), "< "));
        assertThrows(TemplateRuntimeException.class, () -> f("indent", new java.util.ArrayList<>(List.of("x"))));
    }

    @Test
    void items() {
        assertEquals("[('a', 1), ('b', 2)]", s(gen(f("items", dict("a", 1L, "b", 2L)))));
        assertEquals(List.of(), gen(f("items", Undefined.name("x"))));
        // a generator: the mapping check waits for iteration
        Object notMapping = f("items", List.of());
        assertThrows(TemplateTypeException.class, () -> gen(notMapping));
    }

    @Test
    void join() {
        assertEquals("1|2|3", f("join", List.of(1L, 2L, 3L), "|"));
        assertEquals("123", f("join", List.of(1L, 2L, 3L)));
        assertEquals("bob, Alice, carol", fk("join", USERS, Map.of("attribute", "name"), ", "));
        assertEquals(Markup.of("&lt;a&gt;, <b>"),
                apply(ESCAPING, "join", List.of("<a>", Markup.of("<b>")), Map.of(), ", "));
        assertEquals("<a>, x", apply(ESCAPING, "join", List.of("<a>", "x"), Map.of(), ", "));
        assertEquals(Markup.of("&lt;a&gt;<br>x"), apply(ESCAPING, "join", List.of("<a>", "x"), Map.of(), Markup.of("<br>")));
    }

    @Test
    void list() {
        assertEquals(List.of("a", "b", "c"), f("list", "abc"));
        assertEquals(List.of("k"), f("list", dict("k", 1L)));
    }

    @Test
    void map() {
        assertEquals(List.of(1L, 2L), gen(f("map", List.of("1", "2"), "int")));
        assertEquals(List.of("bob", "Alice", "carol"), gen(fk("map", USERS, Map.of("attribute", "name"))));
        assertEquals(List.of("x", "x", "x"), gen(fk("map", USERS, Map.of("attribute", "missing", "default", "x"))));
        assertEquals(List.of("A", "B"), gen(f("map", List.of("a", "b"), "upper")));
        assertEquals(List.of("a-", "c-"), gen(f("map", List.of("ab", "cb"), "replace", "b", "-")));
        assertThrows(TemplateRuntimeException.class, () -> gen(f("map", List.of(1L))));
    }

    @Test
    void lazyFiltersBehaveAsPythonGenerators() {
        Object mapped = f("map", List.of("a", "b"), "upper");
        assertThrows(TemplateTypeException.class, () -> Values.length(mapped));
        assertTrue(Values.truthy(f("select", List.of(0L))), "a generator is always true");
        assertEquals(List.of("A", "B"), gen(mapped));
        assertEquals(List.of(), gen(mapped), "a generator is single-use");
        assertEquals(List.of(), gen(f("map", null, "upper")), "a falsy value maps to nothing");
        assertInstanceOf(Undefined.class, Values.getItem(f("select", List.of(1L)), 0L));
        assertEquals("generator", Values.typeName(f("batch", List.of(1L), 2L)));
        assertEquals("list_reverseiterator", Values.typeName(f("reverse", List.of(1L))));
        assertThrows(TemplateTypeException.class, () -> Values.length(f("reverse", List.of(1L))));
    }

    @Test
    void minAndMax() {
        assertEquals(3L, f("max", List.of(1L, 3L, 2L)));
        assertEquals(1L, f("min", List.of(1L, 3L, 2L)));
        assertEquals("B", f("max", List.of("a", "B")));
        assertEquals("a", fk("max", List.of("a", "B"), Map.of("case_sensitive", true)));
        assertInstanceOf(Undefined.class, f("min", List.of()));
        assertEquals("bob", Values.getAttr(fk("max", USERS, Map.of("attribute", "age")), "name"));
        assertEquals("Alice", Values.getAttr(fk("min", USERS, Map.of("attribute", "age")), "name"));
    }

    @Test
    void pprint() {
        assertEquals("{'a': [1, 2], 'b': 1}", f("pprint", dict("b", 1L, "a", List.of(1L, 2L))));
        assertEquals("'x'", f("pprint", "x"));
        String longList = (String) f("pprint", java.util.Collections.nCopies(30, "abcd"));
        assertTrue(longList.startsWith("['abcd',\n 'abcd',"), longList);
    }

    @Test
    void random() {
        assertEquals(5L, f("random", List.of(5L)));
        assertTrue(List.of(1L, 2L, 3L).contains(f("random", List.of(1L, 2L, 3L))));
        // Jinja2 returns an undefined for an empty sequence, which fails only when used
        assertInstanceOf(dev.kida.engine.runtime.value.Undefined.class, f("random", List.of()));
    }

    @Test
    void selectAndReject() {
        List<Object> nums = List.of(1L, 2L, 3L, 4L);
        assertEquals(List.of(2L, 4L), gen(f("reject", nums, "odd")));
        assertEquals(List.of(1L, 3L), gen(f("select", nums, "odd")));
        assertEquals(List.of(3L, 4L), gen(f("select", nums, ">", 2L)));
        assertEquals(List.of(1L, 2L), gen(f("select", Arrays.asList(0L, 1L, "", 2L, null))));
        assertEquals(List.of("bob", "carol"), gen(fk("map", gen(f("selectattr", USERS, "active")), Map.of("attribute", "name"))));
        assertEquals(2, Values.length(gen(f("selectattr", USERS, "active"))));
        assertEquals("Alice", Values.getAttr(Values.getItem(gen(f("rejectattr", USERS, "active")), 0L), "name"));
        assertEquals(1, Values.length(gen(f("selectattr", USERS, "age", "gt", 30L))));
        assertEquals(2, Values.length(gen(f("rejectattr", USERS, "age", "gt", 30L))));
        assertEquals(2, Values.length(gen(f("selectattr", USERS, "city", "in", List.of("LA", "NY")))));
    }

    @Test
    void replace() {
        assertEquals("Goodbye World", f("replace", "Hello World", "Hello", "Goodbye"));
        assertEquals("bba", f("replace", "aaa", "a", "b", 2L));
        assertEquals(Markup.of("<b>&lt;i&gt;</b>"), apply(ESCAPING, "replace", Markup.of("<b>x</b>"), Map.of(), "x", "<i>"));
        assertEquals(Markup.of("&lt;x&gt;"), apply(ESCAPING, "replace", "<x>", Map.of(), Markup.of("<x>"), "y"));
        assertEquals(Markup.of("&lt;a&gt;<br>"), apply(ESCAPING, "replace", "<a>\n", Map.of(), "\n", Markup.of("<br>")));
        assertEquals("<a>-", apply(ESCAPING, "replace", "<a>\n", Map.of(), "\n", "-"));
    }

    @Test
    void reverse() {
        assertEquals("cba", f("reverse", "abc"));
        assertEquals(List.of(3L, 2L, 1L), gen(f("reverse", List.of(1L, 2L, 3L))));
    }

    @Test
    void round() {
        assertEquals(43.0, f("round", 42.55));
        assertEquals(42.5, f("round", 42.55, 1L));
        assertEquals(42.5, f("round", 42.55, 1L, "floor"));
        assertEquals(42.2, f("round", 42.12, 1L, "ceil"));
        assertEquals(2.0, f("round", 2.5));
        assertEquals(42L, f("round", 42L));
        assertEquals(43.0, fk("round", 42.1, Map.of("method", "ceil")));
        assertThrows(TemplateRuntimeException.class, () -> fk("round", 1.0, Map.of("method", "up")));
    }

    @Test
    void sort() {
        assertEquals(List.of(1L, 2L, 3L), f("sort", List.of(3L, 1L, 2L)));
        assertEquals(List.of("a", "b", "C"), f("sort", List.of("b", "a", "C")));
        assertEquals(List.of("C", "a", "b"), fk("sort", List.of("b", "a", "C"), Map.of("case_sensitive", true)));
        assertEquals(List.of(3L, 2L, 1L), f("sort", List.of(3L, 1L, 2L), true));
        assertEquals(List.of("Alice", "carol", "bob"),
                gen(fk("map", fk("sort", USERS, Map.of("attribute", "age")), Map.of("attribute", "name"))));
        assertEquals(List.of("carol", "Alice", "bob"),
                gen(fk("map", fk("sort", List.of(USERS.get(2), USERS.get(1), USERS.get(0)), Map.of("attribute", "age")),
                        Map.of("attribute", "name"))));
        assertEquals(List.of("Alice", "carol", "bob"),
                gen(fk("map", fk("sort", USERS, Map.of("attribute", "age,name")), Map.of("attribute", "name"))));
        assertThrows(TemplateTypeException.class, () -> f("sort", List.of(1L, "a")));
    }

    @Test
    void stringAndStriptags() {
        assertEquals("1", f("string", 1L));
        assertEquals(Markup.of("<b>"), f("string", Markup.of("<b>")));
        assertEquals("Hello World & more", f("striptags", "<p>Hello   <b>World</b></p>\n<!-- c --> &amp; more"));
    }

    @Test
    void sum() {
        assertEquals(6L, f("sum", List.of(1L, 2L, 3L)));
        assertEquals(100L, fk("sum", USERS, Map.of("attribute", "age")));
        assertEquals(13L, fk("sum", List.of(1L, 2L), Map.of("start", 10L)));
        assertEquals("0.30000000000000004", s(f("sum", List.of(0.1, 0.2))));
    }

    @Test
    void tojson() {
        assertEquals(Markup.of("{\"a\": [1, \"\\u003cx\\u003e\"], \"b\": 1}"),
                f("tojson", dict("b", 1L, "a", List.of(1L, "<x>"))));
        assertEquals(Markup.of("\"\\u00e9\\ud83d\\ude00 \\u0026 \\u0027\""), f("tojson", "é😀 & '"));
        assertEquals(Markup.of("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}"),
                f("tojson", dict("a", 1L, "b", Arrays.asList(true, null)), 2L));
        assertEquals(Markup.of("[1.0, 1e+16, []]"), f("tojson", List.of(1.0, 1e16, List.of())));
        assertThrows(TemplateTypeException.class, () -> f("tojson", new Object()));
    }

    @Test
    void trimAndTruncate() {
        assertEquals("x", f("trim", "  x \n"));
        assertEquals("a", f("trim", "xxaxx", "x"));
        assertEquals("foo...", f("truncate", "foo bar baz qux", 9L));
        assertEquals("foo ba...", f("truncate", "foo bar baz qux", 9L, true));
        assertEquals("foo bar...", f("truncate", "foo bar baz qux", 11L, false, "...", 0L));
        assertEquals("foo bar", f("truncate", "foo bar", 5L));
        assertEquals("foo b>>", fk("truncate", "foo bar baz", Map.of("length", 7L, "killwords", true, "end", ">>", "leeway", 0L)));
        assertThrows(TemplateRuntimeException.class, () -> f("truncate", "foo bar baz", 2L));
    }

    @Test
    void unique() {
        assertEquals(List.of("a", "b"), gen(f("unique", List.of("a", "b", "A"))));
        assertEquals(List.of("a", "b", "A"), gen(fk("unique", List.of("a", "b", "A"), Map.of("case_sensitive", true))));
        assertEquals(List.of(1L), gen(f("unique", List.of(1L, 1.0, true))));
        assertEquals(2, Values.length(gen(fk("unique", USERS, Map.of("attribute", "city")))));
    }

    @Test
    void urlencode() {
        assertEquals("a%20b/c%3F", f("urlencode", "a b/c?"));
        assertEquals("a=x+y&b=%26%2F", f("urlencode", dict("a", "x y", "b", "&/")));
        assertEquals("k=v&n=1", f("urlencode", List.of(Tuple.of("k", "v"), Tuple.of("n", 1L))));
        assertEquals("%C3%A9", f("urlencode", "é"));
        assertEquals("42", f("urlencode", 42L));
    }

    @Test
    void urlize() {
        assertEquals("visit <a href=\"https://www.example.com\" rel=\"noopener\">www.example.com</a> now",
                f("urlize", "visit www.example.com now"));
        assertEquals("<a href=\"http://x.org\" rel=\"noopener\">http://x.org</a>.", f("urlize", "http://x.org."));
        assertEquals("<a href=\"mailto:me@example.com\">me@example.com</a>", f("urlize", "me@example.com"));
        assertEquals("(<a href=\"https://example.com/a_(b)\" rel=\"nofollow noopener\">https://example.com/a_(b)</a>)",
                fk("urlize", "(https://example.com/a_(b))", Map.of("nofollow", true)));
        assertEquals("<a href=\"https://example.com/long/path\" rel=\"noopener\" target=\"_blank\">https://ex...</a>",
                fk("urlize", "https://example.com/long/path", Map.of("trim_url_limit", 10L, "target", "_blank")));
        assertEquals("a &lt;b&gt; c", f("urlize", "a <b> c"));
        assertInstanceOf(Markup.class, apply(ESCAPING, "urlize", "x", Map.of()));
    }

    @Test
    void wordcountAndWordwrap() {
        assertEquals(3L, f("wordcount", "Hello, world! foo_bar"));
        assertEquals("the quick\nbrown fox", f("wordwrap", "the quick brown fox", 10L));
        assertEquals("abcde\nfghij\nkl", f("wordwrap", "abcdefghijkl", 5L));
        assertEquals("abcdefghijkl", f("wordwrap", "abcdefghijkl", 5L, false));
        assertEquals("a b<br>c d", fk("wordwrap", "a b c d", Map.of("width", 3L, "wrapstring", "<br>")));
        assertEquals("look-\nahead", f("wordwrap", "look-ahead", 6L));
        assertEquals("one\ntwo\nthree", f("wordwrap", "one\ntwo three", 5L));
    }

    @Test
    void xmlattr() {
        assertEquals(" class=\"a b\" data-x=\"&lt;&quot;\"",
                f("xmlattr", dict("class", "a b", "id", null, "data-x", "<\"")));
        assertEquals("class=\"a\"", f("xmlattr", dict("class", "a"), false));
        assertInstanceOf(Markup.class, apply(ESCAPING, "xmlattr", dict("a", 1L), Map.of()));
        assertThrows(TemplateRuntimeException.class, () -> f("xmlattr", dict("a b", 1L)));
    }
}
