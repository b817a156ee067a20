package dev.kida.compiler;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateSource;
import dev.kida.api.UndefinedKind;
import dev.kida.engine.Escapers;
import dev.kida.engine.core.CacheSettings;
import dev.kida.engine.core.CodeGenerator;
import dev.kida.engine.core.CompileSettings;
import dev.kida.engine.core.CompilePolicy;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.eval.TreeEvaluator;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.runtime.value.Budget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Templates of one shape (same structure, other text, positions and names) share one class, each
 * with its own data: texts, position table, blocks. Expected outputs are what Jinja2 3.1.6 renders
 * for these sources (plain text and attribute prints); the error positions are the ones the
 * evaluator reports for each template on its own.
 */
class ShapeClassesTest {
    private final Map<String, String> sources = new HashMap<>();
    /** The threads that ran a template's own-class compile (see {@link #watched}). */
    private final Queue<Thread> ownClassThreads = new ConcurrentLinkedQueue<>();
    /** Open: own-class compiles go ahead; a test closes it to hold them while renders run. */
    private volatile CountDownLatch ownClassGate = new CountDownLatch(0);
    private final Engine engine = engine(sources, 1000);

    private Engine engine(Map<String, String> sources, int ownClassAfter) {
        return new Engine(name -> Optional.ofNullable(sources.get(name)).map(s -> new TemplateSource(name, s, name, 1)),
                name -> name.endsWith(".html"), LexerOptions.DEFAULTS, Map.of(), Map.of(), Map.of(),
                Escapers.escaper(Escapers.select(null), false), CompilePolicy.AT_LOAD,
                new CompileSettings(50, 256, ownClassAfter), watched(),
                CacheSettings.DEFAULT, UndefinedKind.STRICT, null, Budget.DEFAULTS, TreeEvaluator.INSTANCE);
    }

    /**
     * The compiler, its shared code's own-class compile wrapped to record the thread it runs on
     * and to wait at {@link #ownClassGate}.
     */
    private CodeGenerator watched() {
        return (unit, engine) -> {
            Compiled c = TemplateCompiler.compile(unit, engine);
            return !c.shared() ? c : new Compiled(c.code(), c.blocks(), () -> {
                ownClassThreads.add(Thread.currentThread());
                try {
                    assertTrue(ownClassGate.await(60, TimeUnit.SECONDS), "the gate was never opened");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return c.ownClass().get();
            });
        };
    }

    /** Waits (up to a minute) until the background compiler gave the template a class of its own. */
    private static void awaitOwnClass(PreparedTemplate unit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (unit.compilation().compiled().shared()) {
            assertTrue(System.nanoTime() < deadline, () -> unit.name() + " never got a class of its own");
            Thread.sleep(5);
        }
    }

    private PreparedTemplate load(String name, String source) {
        return load(engine, name, source);
    }

    private PreparedTemplate load(Engine into, String name, String source) {
        sources.put(name, source);
        PreparedTemplate unit = into.load(name);
        assertNotNull(unit.compilation().compiled(), () -> name + " not compiled");
        return unit;
    }

    private static Class<?> classOf(PreparedTemplate unit) {
        return unit.compilation().compiled().code().getClass();
    }

    @Test
    void templatesOfOneShapeShareAClassAndKeepTheirOwnText() {
        PreparedTemplate a = load("a.html", "<h1>{{ title }}</h1>\n{% for x in xs %}<li>{{ x }}</li>{% endfor %}");
        PreparedTemplate b = load("b.html", "<h2 class=\"other\">{{ title }}</h2>\n\n"
                + "{% for x in xs %}<p>é {{ x }}</p>{% endfor %}");
        PreparedTemplate c = load("c.html", "<h1>{{ title }}</h1>{% if xs %}{% for x in xs %}{{ x }}{% endfor %}{% endif %}");
        assertSame(classOf(a), classOf(b), "same shape, one class");
        assertNotSame(classOf(a), classOf(c), "another structure, another class");
        Map<String, Object> data = Map.of("title", "T<", "xs", List.of(1, 2));
        assertEquals("<h1>T&lt;</h1>\n<li>1</li><li>2</li>", engine.render(a, data));
        assertEquals("<h2 class=\"other\">T&lt;</h2>\n\n<p>é 1</p><p>é 2</p>", engine.render(b, data));
        assertEquals("<h1>T&lt;</h1>12", engine.render(c, data));
        // the first template still renders its own text after the second was made from its class
        assertEquals("<h1>T&lt;</h1>\n<li>1</li><li>2</li>", engine.render(a, data));
    }

    @Test
    void anotherOperationOrLiteralIsAnotherShape() {
        PreparedTemplate a = load("a.html", "x{{ n + 1 }}");
        PreparedTemplate b = load("b.html", "y{{ n + 2 }}");
        PreparedTemplate c = load("c.html", "z{{ n - 1 }}");
        PreparedTemplate d = load("d.html", "w{{ n + 1.0 }}");
        assertNotSame(classOf(a), classOf(b));
        assertNotSame(classOf(a), classOf(c));
        assertNotSame(classOf(a), classOf(d));
        assertEquals("x2", engine.render(a, Map.of("n", 1)));
        assertEquals("y3", engine.render(b, Map.of("n", 1)));
        assertEquals("z0", engine.render(c, Map.of("n", 1)));
        assertEquals("w2.0", engine.render(d, Map.of("n", 1)));
    }

    @Test
    void textThatDisappearsOrIsFoldedIsPartOfTheShape() {
        // an empty text and a folded constant print change the code: other shapes, right output each
        PreparedTemplate a = load("a.html", "a{{ 'k' }}b{{ v }}");
        PreparedTemplate b = load("b.html", "A{{ 'k' }}B{{ v }}");
        PreparedTemplate c = load("c.html", "{%- if true %}{% endif %}{{ 'k' }}b{{ v }}");
        assertSame(classOf(a), classOf(b), "texts around a folded constant are data");
        assertEquals("akbV", engine.render(a, Map.of("v", "V")));
        assertEquals("AkBV", engine.render(b, Map.of("v", "V")));
        assertEquals("kbV", engine.render(c, Map.of("v", "V")));
    }

    @Test
    void errorsNameTheirOwnTemplateLineAndColumn() {
        PreparedTemplate a = load("a.html", "one\n{{ x.y.z }}\n");
        PreparedTemplate b = load("b.html", "first line\nsecond line\n\n      {{ x.y.z }}\n");
        assertSame(classOf(a), classOf(b));
        KidaException ea = assertThrows(KidaException.class, () -> engine.render(a, Map.of("x", Map.of())));
        KidaException eb = assertThrows(KidaException.class, () -> engine.render(b, Map.of("x", Map.of())));
        assertEquals("a.html", ea.templateName());
        assertEquals(2, ea.line());
        assertEquals("{{ x.y.z }}", ea.sourceLine());
        assertEquals("b.html", eb.templateName());
        assertEquals(4, eb.line());
        assertEquals("      {{ x.y.z }}", eb.sourceLine());
        assertEquals(ea.column() + 6, eb.column());
    }

    @Test
    void anIncludedTemplateHandsTheCallersDataBack() {
        // each class reads its texts from the render state: the included template's entry sets
        // its own and puts the caller's back, so the text after the include is the caller's
        PreparedTemplate outer = load("outer.html", "[{% include 'inner.html' %}|{{ v }}]");
        load("inner.html", "({% include 'leaf.html' %}/{{ v }})");
        load("leaf.html", "leaf{{ v }}");
        load("leaf2.html", "LEAF{{ v }}");
        assertSame(classOf(engine.load("leaf.html")), classOf(engine.load("leaf2.html")));
        assertEquals("[(leaf1/1)|1]", engine.render(outer, Map.of("v", 1)));
    }

    @Test
    void blocksOfAChildRunWithTheChildsData() {
        // the parent runs the child's block through the child's entry, which sets the child's data
        load("base.html", "B1{% block body %}base{% endblock %}B2");
        PreparedTemplate one = load("one.html", "{% extends 'base.html' %}{% block body %}one {{ v }}{% endblock %}");
        PreparedTemplate two = load("two.html", "{% extends 'base.html' %}{% block body %}second {{ v }}{% endblock %}");
        PreparedTemplate base2 = load("base2.html", "b1{% block body %}BASE{% endblock %}b2");
        assertEquals("B1one 1B2", engine.render(one, Map.of("v", 1)));
        assertEquals("B1second 1B2", engine.render(two, Map.of("v", 1)));
        assertEquals("b1BASEb2", engine.render(base2, Map.of("v", 1)));
    }

    @Test
    void concurrentRendersOfOneClassKeepEachTemplatesData() throws Exception {
        int n = 8;
        List<PreparedTemplate> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(load("t" + i + ".html", "<t" + i + ">{% for x in xs %}[" + i + ":{{ x }}]{% endfor %}</t" + i + ">"));
        }
        for (PreparedTemplate u : units) {
            assertSame(classOf(units.get(0)), classOf(u));
        }
        onFourThreads(worker -> {
            for (int round = 0; round < 300; round++) {
                int i = round % n;
                String expected = "<t" + i + ">[" + i + ":1][" + i + ":2]</t" + i + ">";
                assertEquals(expected, engine.render(units.get(i), Map.of("xs", List.of(1, 2))));
            }
        });
    }

    /** Runs {@code work} (given the worker's number) on four threads at once; rethrows a failure. */
    private static void onFourThreads(java.util.function.IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int worker = t;
                futures.add(pool.submit(() -> work.accept(worker)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHotTemplateGetsAClassOfItsOwnFromTheBackgroundCompilerWithTheSameOutputAndErrors() throws Exception {
        Engine hot = engine(sources, 5);
        PreparedTemplate a = load(hot, "a.html", "<p>{{ x.y }}</p>");
        PreparedTemplate b = load(hot, "b.html", "\n<div>{{ x.y }}</div>");
        assertSame(classOf(a), classOf(b));
        assertTrue(b.compilation().compiled().shared());
        Class<?> shapeClass = classOf(b);
        // hold the own-class compile: the renders past the threshold must not wait for it
        CountDownLatch gate = new CountDownLatch(1);
        ownClassGate = gate;
        try {
            for (int i = 0; i < 20; i++) {
                assertEquals("\n<div>1</div>", hot.render(b, Map.of("x", Map.of("y", 1))));
            }
            assertSame(shapeClass, classOf(b), "renders went on on the shared class while the compile was held");
        } finally {
            // opened whatever happened: the background compiler thread is the JVM's, other tests' too
            gate.countDown();
        }
        awaitOwnClass(b);
        assertEquals(1, ownClassThreads.size(), "one compile for the template: " + ownClassThreads);
        Thread compiler = ownClassThreads.peek();
        assertNotSame(Thread.currentThread(), compiler, "the render thread compiled");
        assertEquals("kida-compiler", compiler.getName());
        assertNotSame(shapeClass, classOf(b), "hot: a class of its own");
        assertFalse(b.compilation().compiled().shared());
        assertTrue(a.compilation().compiled().shared(), "the other template of the shape is not hot");
        assertEquals("\n<div>1</div>", hot.render(b, Map.of("x", Map.of("y", 1))));
        assertEquals("<p>1</p>", hot.render(a, Map.of("x", Map.of("y", 1))));
        KidaException e = assertThrows(KidaException.class, () -> hot.render(b, Map.of()));
        assertEquals("b.html", e.templateName());
        assertEquals(2, e.line());
        assertEquals("<div>{{ x.y }}</div>", e.sourceLine());
    }

    @Test
    void concurrentRendersAcrossTheSwitchToAClassOfItsOwnAgree() throws Exception {
        // renders in flight when the own class is installed finish on the shared class; the
        // next ones start on the new class: one output throughout
        Engine hot = engine(sources, 40);
        PreparedTemplate one = load(hot, "one.html", "<main>{% for x in xs %}<b>one {{ v }}</b>{% endfor %}</main>");
        PreparedTemplate two = load(hot, "two.html", "<main>{% for x in xs %}<i>2nd {{ v }}</i>{% endfor %}</main>");
        assertSame(classOf(one), classOf(two));
        onFourThreads(worker -> {
            for (int round = 0; round < 200; round++) {
                int v = round + worker;
                assertEquals("<main><b>one " + v + "</b></main>", hot.render(one, Map.of("v", v, "xs", List.of(1))));
                if (round % 10 == 0) {
                    assertEquals("<main><i>2nd " + v + "</i></main>", hot.render(two, Map.of("v", v, "xs", List.of(1))));
                }
            }
        });
        awaitOwnClass(one);
        awaitOwnClass(two);
        assertNotSame(classOf(one), classOf(two), "each hot template has a class of its own");
        assertEquals("<main><b>one 7</b></main>", hot.render(one, Map.of("v", 7, "xs", List.of(1))));
        assertEquals("<main><i>2nd 7</i></main>", hot.render(two, Map.of("v", 7, "xs", List.of(1))));
        assertTrue(ownClassThreads.stream().allMatch(t -> t.getName().equals("kida-compiler")), ownClassThreads::toString);
    }

    @Test
    void noClassOfItsOwnWhenTurnedOff() throws Exception {
        Engine off = engine(sources, 0);
        PreparedTemplate a = load(off, "a.html", "<p>{{ v }}</p>");
        for (int i = 0; i < 50; i++) {
            assertEquals("<p>1</p>", off.render(a, Map.of("v", 1)));
        }
        // The background compiler is one thread taking tasks in order: once a template made hot
        // after those renders has its own class, a compile they asked for would have run (and
        // recorded itself) too.
        Engine probe = engine(sources, 1);
        PreparedTemplate p = load(probe, "probe.html", "{% if v %}{{ v }}{% endif %}");
        assertEquals("1", probe.render(p, Map.of("v", 1)));
        awaitOwnClass(p);
        assertEquals(1, ownClassThreads.size(), "only the probe was compiled: " + ownClassThreads);
        assertTrue(a.compilation().compiled().shared());
        assertEquals("<p>1</p>", off.render(a, Map.of("v", 1)));
    }

    @Test
    void theShapeClassesOfAnEngineAreBounded() {
        TemplateCompiler.Shapes shapes = new TemplateCompiler.Shapes(2);
        for (int i = 0; i < 5; i++) {
            shapes.put(new Shape.Key(List.of(i), i), new TemplateCompiler.Reuse(null, Map.of(), new int[0], new Object[0][]));
        }
        assertEquals(2, shapes.size());
        assertTrue(shapes.get(new Shape.Key(List.of(4), 4)) != null);
        assertTrue(shapes.get(new Shape.Key(List.of(0), 0)) == null);
    }

    @Test
    void anotherEngineDoesNotShareClasses() {
        PreparedTemplate a = load("a.html", "x{{ v }}");
        Map<String, String> otherSources = new HashMap<>(Map.of("a.html", "y{{ v }}"));
        PreparedTemplate other = engine(otherSources, 1000).load("a.html");
        assertNotSame(classOf(a), other.compilation().compiled().code().getClass());
    }

    @Test
    void aTemplateWithATreeNodeInItsClassDataGetsAClassOfItsOwn() {
        // a macro hands its node to the runtime: the class is this template's alone
        PreparedTemplate a = load("a.html", "{% macro m() %}a{% endmacro %}{{ m() }}");
        PreparedTemplate b = load("b.html", "{% macro m() %}b{% endmacro %}{{ m() }}");
        assertNotSame(classOf(a), classOf(b));
        assertEquals("a", engine.render(a, Map.of()));
        assertEquals("b", engine.render(b, Map.of()));
        Compiled compiled = a.compilation().compiled();
        assertNotNull(compiled.code());
    }
}
