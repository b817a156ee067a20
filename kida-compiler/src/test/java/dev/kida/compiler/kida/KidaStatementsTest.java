package dev.kida.compiler.kida;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Kida's block statements where the corpus cannot show the behaviour (cache expiry and bounds,
 * messages, scope rules, loop controls through delegated statements), in both backends.
 */
class KidaStatementsTest {

    private static String render(ExecutionMode mode, String source, Map<String, ?> context) {
        return Environment.builder().mode(mode).build().fromString(source).render(context);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void cacheReusesTheFirstRenderUntilTheTtlPasses(ExecutionMode mode) {
        AtomicLong now = new AtomicLong();
        Environment env = Environment.builder().mode(mode).fragmentCacheClock(now::get).build();
        var t = env.fromString("{% cache 'k', ttl='5m' %}{{ v }}{% end %}");
        assertEquals("1", t.render(Map.of("v", 1)));
        now.addAndGet(TimeUnit.MINUTES.toNanos(4));
        assertEquals("1", t.render(Map.of("v", 2)));
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertEquals("3", t.render(Map.of("v", 3)));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aCacheOfSizeZeroRendersEveryTime(ExecutionMode mode) {
        var t = Environment.builder().mode(mode).fragmentCacheSize(0).build().fromString("{% cache 'k' %}{{ v }}{% end %}");
        assertEquals("1", t.render(Map.of("v", 1)));
        assertEquals("2", t.render(Map.of("v", 2)));
        assertThrows(IllegalArgumentException.class, () -> Environment.builder().fragmentCacheSize(-1));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void letInsideAMacroStaysInTheCallButEscapesLoopsAndIfs(ExecutionMode mode) {
        assertEquals("in|out", render(mode, "{% let x = 'out' %}{% macro m() %}{% let x = 'in' %}{{ x }}{% end %}"
                + "{{ m() }}|{{ x }}", Map.of()));
        assertEquals("3", render(mode, "{% let n = 0 %}{% for i in [1, 2] %}{% if i %}{% let n = n + i %}{% end %}"
                + "{% end %}{{ n }}", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void loopControlsCrossDelegatedBlocks(ExecutionMode mode) {
        Map<String, ?> xs = Map.of("xs", List.of(3, -1, 2));
        assertEquals("3", render(mode, "{% for x in xs %}{% try %}{% if x < 0 %}{% break %}{% end %}{{ x }}"
                + "{% fallback %}?{% end %}{% end %}", xs));
        assertEquals("-1", render(mode, "{% for x in xs %}{% with x > 0 %}{% continue %}{% end %}{{ x }}{% end %}", xs));
        assertEquals("12", render(mode, "{% let i = 0 %}{% while true %}{% let i = i + 1 %}{% match i %}"
                + "{% case 3 %}{% break %}{% case _ %}{{ i }}{% end %}{% end %}", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aRunawayWhileStopsWithAnError(ExecutionMode mode) {
        TemplateRuntimeException e = assertThrows(TemplateRuntimeException.class,
                () -> render(mode, "\n{% while true %}{% end %}", Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.detail().contains("1000000"), e.detail());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void fallbackSeesTheErrorAndOtherErrorsPassThrough(ExecutionMode mode) {
        assertEquals("UndefinedError@2:t", Environment.builder().mode(mode)
                .loader(Loaders.map(Map.of("m", "{% try %}{% include 't' %}{% fallback e %}{{ e.type }}@{{ e.line }}:"
                        + "{{ e.template }}{% end %}", "t", "a\n{{ nope }}")))
                .build().getTemplate("m").render(Map.of()));
        assertEquals("TypeError", render(mode, "{% try %}{{ 1 + 'a' }}{% fallback e %}{{ e.type }}{% end %}", Map.of()));
        assertThrows(TemplateRuntimeException.class, () -> render(mode, "{% try %}{{ 1 // 0 }}{% fallback %}x{% end %}",
                Map.of()));
        assertThrows(UndefinedException.class, () -> render(mode, "{% try %}{{ a }}{% fallback %}{{ b }}{% end %}",
                Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void matchPatternsAndScopes(ExecutionMode mode) {
        String t = "{% for p in points %}{% match p %}{% case (0, 0) %}origin{% case (x, 0) if x > 0 %}east {{ x }}"
                + "{% case (_, y) %}y={{ y }}{% case [1] %}list{% end %};{% end %}{{ x is defined }}";
        assertEquals("origin;east 2;y=5;;list;False", render(mode, t,
                Map.of("points", List.of(List.of(0L, 0L), List.of(2L, 0L), List.of(-1L, 5L), "ab", List.of(1L)))));
        assertThrows(UndefinedException.class, () -> render(mode, "{% match nope %}{% case _ %}x{% end %}", Map.of()));
    }

    @Test
    void flushReachesTheOutputHook() {
        // The streaming output (issue 8, part 2) overrides Output.flush; an in-memory render ignores it.
        assertEquals("ab", render(ExecutionMode.INTERPRETED, "a{% flush %}b", Map.of()));
    }

    @Test
    void syntaxErrorsNameTheProblem() {
        Function<String, TemplateSyntaxException> fail = src -> assertThrows(TemplateSyntaxException.class,
                () -> Environment.builder().build().fromString(src));
        // what stands before the first case is dropped, but still parsed: its syntax errors count
        assertTrue(fail.apply("{% match x %}text{{ 1 + }}{% case 1 %}a{% end %}").line() == 1);
        assertTrue(fail.apply("{% try %}a{% end %}").detail().contains("'fallback'"));
        assertTrue(fail.apply("{% template a: int %}{% template b: int %}").detail().contains("at most one"));
        assertTrue(fail.apply("{% unless a %}x{% elif b %}y{% end %}").detail().contains("'elif'"));
        assertTrue(fail.apply("{% while a %}x{% else %}y{% end %}").detail().contains("'else'"));
        assertTrue(fail.apply("{% try %}a{% fallback %}b{% endtry %}").detail().contains("'endtry'"));
        assertTrue(fail.apply("{% let a, b ??= 1 %}").detail().contains("??="));
        KidaException unclosed = fail.apply("x\n  {% match y %}{% case 1 %}");
        assertTrue(unclosed.detail().endsWith("It was opened at line 2, column 3."), unclosed.detail());
    }

    @Test
    void templateDeclarationsStayInTheTree() {
        List<Stmt> body = Parser.parse("{% template users: list[dict], title: str | None, n %}x", "t",
                LexerOptions.DEFAULTS).body();
        Stmt.TemplateDecl decl = (Stmt.TemplateDecl) body.getFirst();
        assertEquals(List.of(new Stmt.Declared("users", "list[dict]"), new Stmt.Declared("title", "str | None"),
                new Stmt.Declared("n", null)), decl.names());
    }

    @Test
    void globalsBlocksRunFirst() {
        assertEquals("[1]", render(ExecutionMode.INTERPRETED, "[{{ a }}]{% globals %}{% let a = 1 %}{% end %}", Map.of()));
        assertEquals("[1]", render(ExecutionMode.COMPILED, "[{{ a }}]{% globals %}{% let a = 1 %}{% end %}", Map.of()));
    }
}
