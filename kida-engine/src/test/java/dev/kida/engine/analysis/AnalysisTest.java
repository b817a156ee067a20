package dev.kida.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one traversal's reach in each mode, and the facts computed over it. */
class AnalysisTest {
    private static TemplateNode parse(String source) {
        return Parser.parse(source, "t", LexerOptions.DEFAULTS);
    }

    /** The names ({@code Expr.Name}) a walk sees, in visiting order. */
    private static List<String> names(List<Stmt> body, java.util.function.BiConsumer<List<Stmt>, java.util.function.Consumer<dev.kida.engine.ast.Node>> walk) {
        List<String> seen = new ArrayList<>();
        walk.accept(body, n -> {
            if (n instanceof Expr.Name nm) {
                seen.add(nm.name());
            }
        });
        return seen;
    }

    private static final String NESTED = "{{ a }}{% macro m(p=d) %}{{ inmacro }}{% endmacro %}"
            + "{% block b %}{{ inblock }}{% endblock %}{% def f(q=e) %}{{ indef }}{% end %}{{ z }}";

    @Test
    void everythingEntersClosuresAndBlocks() {
        assertEquals(List.of("a", "d", "inmacro", "inblock", "e", "indef", "z"),
                names(parse(NESTED).body(), Traversal::everything));
    }

    @Test
    void thisScopeSkipsClosureBodiesButNotTheirDefaultsNorBlocks() {
        assertEquals(List.of("a", "d", "inblock", "e", "z"), names(parse(NESTED).body(), Traversal::thisScope));
    }

    @Test
    void outsideBlocksSkipsBlockBodiesOnly() {
        assertEquals(List.of("a", "d", "inmacro", "e", "indef", "z"), names(parse(NESTED).body(), Traversal::outsideBlocks));
    }

    @Test
    void softPlacesAreIfBranchesAndConditionalExpressions() {
        TemplateNode node = parse("{{ hard }}{% if t %}{{ soft1 }}{% for x in xs %}{{ inloop }}{% endfor %}{% endif %}"
                + "{{ a if c else b }}");
        List<String> soft = new ArrayList<>();
        List<String> hard = new ArrayList<>();
        Traversal.everythingWithSoftness(node.body(), (n, isSoft) -> {
            if (n instanceof Expr.Name nm) {
                (isSoft ? soft : hard).add(nm.name());
            }
        });
        // a loop opens a hard place again, even inside a branch
        assertEquals(List.of("t", "soft1", "xs", "c", "a", "b"), soft);
        assertEquals(List.of("hard", "inloop"), hard);
    }

    @Test
    void setNamesStayInTheirScope() {
        TemplateNode node = parse("{% set a = 1 %}{% if x %}{% set b = 2 %}{% endif %}"
                + "{% for i in l %}{% set c = 3 %}{% endfor %}{% with %}{% set d = 4 %}{% endwith %}");
        assertEquals(Set.of("a", "b"), Names.setNames(node.body()));
    }

    @Test
    void fastLoopOnlyWhenEveryUseIsAComputedAttribute() {
        assertTrue(ScopeFacts.fastLoop(loop("{% for x in l %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% endfor %}")));
        assertFalse(ScopeFacts.fastLoop(loop("{% for x in l %}{{ loop.previtem }}{% endfor %}")));
        assertFalse(ScopeFacts.fastLoop(loop("{% for x in l %}{{ f(loop) }}{% endfor %}")));
        assertFalse(ScopeFacts.fastLoop(loop("{% for x in l %}{% set y = loop %}{{ y.index }}{% endfor %}")));
    }

    @Test
    void needsFrameForClosuresDelegatedStatementsAndSelf() {
        assertFalse(ScopeFacts.needsFrame(parse("{{ a }}{% set b = 1 %}").body(), s -> false));
        assertTrue(ScopeFacts.needsFrame(parse("{% macro m() %}{% endmacro %}").body(), s -> false));
        assertTrue(ScopeFacts.needsFrame(parse("{{ self.b() }}").body(), s -> false));
        assertTrue(ScopeFacts.needsFrame(parse("{% include 'x' %}").body(), s -> s instanceof Stmt.Include));
    }

    @Test
    void templateFactsKnowLoopBindingAndMacroUse() {
        TemplateNode node = parse("{% for x in l %}{{ x }}{% endfor %}{% for y in l %}{{ loop.index }}{% endfor %}"
                + "{% macro m() %}{{ caller() }}{{ varargs }}{% endmacro %}");
        TemplateFacts facts = TemplateFacts.of(node);
        assertFalse(facts.bindsLoop((Stmt.For) node.body().get(0)));
        assertTrue(facts.bindsLoop((Stmt.For) node.body().get(1)));
        Stmt.Macro m = (Stmt.Macro) node.body().get(2);
        assertEquals(new TemplateFacts.MacroUse(true, false, true), facts.macroUse(m.body()));
    }

    @Test
    void blockIndexSeparatesTopLevelFromInnerBlocks() {
        TemplateNode node = parse("{% block top %}{% block nested %}{% endblock %}{% endblock %}"
                + "{% if c %}{% block inif %}{% endblock %}{% endif %}{% for x in l %}{% block inloop %}{% endblock %}{% endfor %}");
        assertEquals(Set.of("top", "nested", "inif", "inloop"), BlockIndex.blocks(node).keySet());
        Set<String> inner = new java.util.HashSet<>();
        BlockIndex.innerBlocks(node).forEach(b -> inner.add(b.name()));
        assertEquals(Set.of("nested", "inloop"), inner);
    }

    private static Stmt.For loop(String source) {
        return (Stmt.For) parse(source).body().get(0);
    }

    private static Stmt.For firstLoop(String source) {
        return parse(source).body().stream().filter(s -> s instanceof Stmt.For).map(s -> (Stmt.For) s).findFirst()
                .orElseThrow();
    }

    @Test
    void aNameIsKeptDuringALoopThatCanBindItNowhere() {
        assertTrue(Names.keptDuring(firstLoop("{% for x in xs %}{{ row(x, loop.index, loop.cycle('a', 'b')) }}"
                + "{% set y = 1 %}{% let z = 2 %}{% if x %}{{ x.a ?? 'b' }}{% end %}{% for i in x %}{{ i|upper }}{% end %}"
                + "{% end %}"), "row"));
    }

    @Test
    void aNameIsNotKeptWhereTheLoopCouldBindIt() {
        for (String loop : List.of(
                "{% for row in xs %}{{ row(1) }}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% set row = x %}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% let row = x %}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% export row = x %}{% end %}",
                "{% for x in xs %}{% with row = x %}{{ row(x) }}{% end %}{% end %}",
                "{% for x in xs %}{% for row in x %}{{ row }}{% end %}{{ row(x) }}{% end %}",
                "{% for x in xs %}{% capture row %}{{ x }}{% end %}{{ row(x) }}{% end %}",
                "{% for x in xs %}{% set a, row = x %}{{ row(x) }}{% end %}",
                // anything else that runs code of its own could bind it where the loop looks it up
                "{% for x in xs %}{{ row(x) }}{{ other(x) }}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% call wrap() %}{% let row = 1 %}{% end %}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% include 'other.html' %}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% try %}{{ x }}{% fallback row %}{{ row }}{% end %}{% end %}",
                "{% for x in xs %}{{ row(x) }}{% match x %}{% case row %}{{ row }}{% end %}{% end %}",
                "{% for x in xs recursive %}{{ row(x) }}{% end %}")) {
            assertFalse(Names.keptDuring(firstLoop(loop), "row"), loop);
        }
    }

    @Test
    void aBodyEntersNothingWhenItCallsNothingAndRendersNoOtherTemplate() {
        assertTrue(ScopeFacts.entersNothing(parse("<td>{{ n }}</td>{% if x.a < 0 %}-{% end %}{{ x.b ?? '#' }}"
                + "{% for i in x %}{{ i|upper }}{% end %}{% set y = 1 %}").body()));
        for (String body : List.of("{{ f(x) }}", "{{ x.upper() }}", "{{ caller() }}", "{% include 'a.html' %}",
                "{% flush %}", "{% for i in x recursive %}{{ loop(i) }}{% end %}", "{% call f() %}{% end %}",
                "{% block b %}{% endblock %}")) {
            assertFalse(ScopeFacts.entersNothing(parse(body).body()), body);
        }
    }

    @Test
    void aDefOnlyItsOwnCallsCanSeeIsUnobserved() {
        String def = "{% def row(x, n) %}<{{ x.a ?? '#' }}{% if x.b < 0 %}-{% end %}{{ n }}>{% end %}";
        assertTrue(unobserved(def + "{% for x in xs %}{{ row(x, loop.index) }}{{ loop.cycle('a', 'b') }}{% end %}"));
        assertTrue(unobserved(def), "a def nothing calls");
        // a filter, test or function gets a CallContext, which can resolve any name
        assertFalse(unobserved(def + "{% for x in xs %}{{ row(x, 1) | upper }}{% end %}"));
        assertFalse(unobserved(def + "{% for x in xs %}{{ row(x, 1) if x is odd }}{% end %}"));
        assertFalse(unobserved(def + "{% for x in range(3) %}{{ row(x, 1) }}{% end %}"));
        assertFalse(unobserved(def + "{{ loop.cycle('a') }}"), "loop outside a loop is whatever the context names so");
        // the name used other than as the callee, before the def, or in the body
        assertFalse(unobserved(def + "{{ row }}"));
        assertFalse(unobserved("{{ row(1, 2) }}" + def));
        assertFalse(unobserved("{% def row(x) %}{{ row(x) }}{% end %}"));
        assertFalse(unobserved(def + "{{ row(n=1, x=2) }}"));
        // statements that can see or rebind the frame
        assertFalse(unobserved(def + "{% include 'other' %}"));
        assertFalse(unobserved(def + "{% set row = 1 %}"));
        assertFalse(unobserved(def + "{% for row in xs %}{% end %}"));
        assertFalse(unobserved(def + "{% block b %}{% endblock %}"));
        assertFalse(unobserved(def + "{% def other() %}{% end %}"));
        assertFalse(unobserved(def + "{{ self }}"));
    }

    @Test
    void aDefWithADefaultOtherThanALiteralIsObserved() {
        // its function is made at each call, where only a literal default evaluates to what the
        // def statement's one evaluation gave
        String calls = "{% for x in xs %}{{ row(x) }}{% end %}";
        assertTrue(unobserved("{% def row(x, n=1, s='a', b=none, t=true) %}{{ n }}{% end %}" + calls));
        for (String def : List.of("{% def row(x, n=v) %}{% end %}", "{% def row(x, n=[]) %}{% end %}",
                "{% def row(x, n={}) %}{% end %}", "{% def row(x, n=1 / 0) %}{% end %}",
                "{% def row(x, n=-1) %}{% end %}", "{% def row(x, *a, n=v) %}{% end %}")) {
            assertFalse(unobserved(def + calls), def);
        }
    }

    private static boolean unobserved(String source) {
        List<Stmt> top = parse(source).body();
        Stmt.Def d = (Stmt.Def) top.stream().filter(s -> s instanceof Stmt.Def).findFirst().orElseThrow();
        return ScopeFacts.unobservedDef(top, d);
    }
}
