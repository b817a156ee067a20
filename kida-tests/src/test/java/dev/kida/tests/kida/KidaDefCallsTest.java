package dev.kida.tests.kida;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.tests.conformance.ConformanceCases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls of Kida defs along the compiled backend's fast paths: a def body with its parameters in
 * JVM locals, printed in place, and inlined into a calling loop behind a run-time check. Each
 * template renders in both modes (they must agree, errors with their positions included); the
 * expected outputs follow from the rules in kida-semantics.md section 4 and, for the parts defs
 * share with Jinja2 macros (autoescape of the defining template, rebinding a name), from Jinja2.
 */
class KidaDefCallsTest {

    @Test
    void aDefPrintedPerRowRendersEachRow() {
        assertEquals("[1:a][2:b]", BothModes.render(
                "{% def row(n, x) %}[{{ n }}:{{ x }}]{% end %}{% for x in xs %}{{ row(loop.index, x) }}{% end %}",
                Map.of("xs", List.of("a", "b"))));
    }

    @Test
    void aRebindingOfTheNameCallsWhatTheNameNowHolds() {
        // the inlined body is guarded at run time: after the set, row is the macro
        assertEquals("A1M2", BothModes.render("{% def row(x) %}A{{ x }}{% end %}{% macro m(x) %}M{{ x }}{% endmacro %}"
                + "{{ row(1) }}{% set row = m %}{{ row(2) }}"));
    }

    @Test
    void theBodyReadsTemplateVariablesAtCallTime() {
        // kida-semantics.md section 4
        assertEquals("ab", BothModes.render(
                "{% def who() %}{{ name }}{% end %}{% let name = 'a' %}{{ who() }}{% let name = 'b' %}{{ who() }}"));
    }

    @Test
    void theBodyDoesNotSeeTheCallersLoopVariables() {
        assertEquals("error:undefined", BothModes.render("{% def f() %}{{ i }}{% end %}{% for i in [1] %}{{ f() }}{% end %}"));
    }

    @Test
    void setInsideTheBodyStaysInTheCall() {
        assertEquals("4|6|none", BothModes.render("{% def f(x) %}{% set y = x * 2 %}{{ y }}{% end %}"
                + "{{ f(2) }}|{{ f(3) }}|{{ 'none' if y is undefined else y }}"));
    }

    @Test
    void theBodyEscapesAsItsTemplateDoesWhereverItIsCalled() {
        // as a Jinja2 macro: the autoescape setting of the definition, not of the call site
        assertEquals("&lt;b&gt;<i>&lt;u&gt;", BothModes.render(
                "{% def f(x) %}{{ x }}{% end %}{% autoescape false %}{{ f('<b>') }}{{ '<i>' }}{% endautoescape %}{{ '<u>' }}"));
    }

    @Test
    void anErrorInTheBodyNamesTheBodysLineInBothModes() {
        String detail = BothModes.errorDetail("{% def f(x) %}\n{{ x.y.z }}{% end %}{% for i in [1] %}{{ f(none) }}{% end %}",
                Map.of());
        assertEquals(true, detail.contains("y"), detail);
        assertEquals("error:undefined:2", outcomeLine("{% def f(x) %}\n{{ x.y.z }}{% end %}{% for i in [1] %}{{ f(none) }}{% end %}"));
    }

    @Test
    void anErrorCaughtByTryLeavesTheRenderAsBefore() {
        // after the failed call the autoescape setting of the call site holds again
        assertEquals("fb<i>", BothModes.render("{% def f(x) %}{{ x.y.z }}{% end %}{% autoescape false %}"
                + "{% try %}{{ f(none) }}{% fallback %}fb{% end %}{{ '<i>' }}{% endautoescape %}"));
    }

    @Test
    void recursionDeeperThanOneStackSegmentStillWorks() {
        assertEquals("20191817161514131211109876543210", BothModes.render(
                "{% def t(n) %}{{ n }}{% if n > 0 %}{{ t(n - 1) }}{% end %}{% end %}{{ t(20) }}"));
    }

    @Test
    void defaultsAndKeywordsBindAsInPython() {
        assertEquals("12|13|93|(2, 3)", BothModes.render("{% def f(a, b=2) %}{{ a }}{{ b }}{% end %}"
                + "{% def g(*rest) %}{{ rest }}{% end %}"
                + "{{ f(1) }}|{{ f(1, 3) }}|{{ f(b=3, a=9) }}|{{ g(2, 3) }}"));
    }

    @Test
    void wrongCallsAreTypeErrors() {
        assertEquals("error:type", BothModes.render("{% def f(a) %}{{ a }}{% end %}{{ f(1, 2) }}"));
        assertEquals("error:type", BothModes.render("{% def f(a) %}{{ a }}{% end %}{{ f() }}"));
        assertEquals("error:type", BothModes.render("{% def f(a) %}{{ a }}{% end %}{{ f(1, a=2) }}"));
        assertEquals("error:type", BothModes.render("{% def f(a) %}{{ a }}{% end %}{{ f(b=2) }}"));
    }

    @Test
    void aResultUsedAsAValueIsMarkup() {
        assertEquals("<b>x</b>!|<b>x</b>", BothModes.render("{% def f(x) %}<b>{{ x }}</b>{% end %}"
                + "{{ f('x') ~ '!' }}|{% set v = f('x') %}{{ v }}"));
    }

    @Test
    void anImportedDefPrintsLikeTheTemplatesOwn() {
        Map<String, String> files = Map.of(
                "lib.html", "{% def row(x) %}<i>{{ x }}</i>{% end %}",
                "t.html", "{% from 'lib.html' import row %}{% for x in ['a', '&'] %}{{ row(x) }}{% end %}");
        assertEquals("<i>a</i><i>&amp;</i>", render(files, ExecutionMode.INTERPRETED));
        assertEquals("<i>a</i><i>&amp;</i>", render(files, ExecutionMode.COMPILED));
    }

    @Test
    void twoDefsOfOneNameCallTheOneBoundLast() {
        assertEquals("a|b", BothModes.render("{% def f() %}a{% end %}{{ f() }}|{% def f() %}b{% end %}{{ f() }}"));
    }

    private static String outcomeLine(String source) {
        for (ExecutionMode mode : List.of(ExecutionMode.INTERPRETED, ExecutionMode.COMPILED)) {
            Environment env = Environment.builder().loader(Loaders.map(Map.of("t.html", source))).autoescape(true)
                    .mode(mode).build();
            try {
                env.getTemplate("t.html").render(Map.of());
            } catch (KidaException e) {
                String got = "error:" + ConformanceCases.kindOf(e) + ":" + e.line();
                if (mode == ExecutionMode.COMPILED) {
                    return got;
                }
                continue;
            }
            return "rendered in " + mode;
        }
        throw new AssertionError("unreachable");
    }

    private static String render(Map<String, String> files, ExecutionMode mode) {
        Environment env = Environment.builder().loader(Loaders.map(files)).autoescape(true).mode(mode).build();
        return env.getTemplate("t.html").render(Map.of());
    }
}
