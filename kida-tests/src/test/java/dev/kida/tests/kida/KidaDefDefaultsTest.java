package dev.kida.tests.kida;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When a def's parameter defaults are evaluated (kida-semantics.md section 4: when the def
 * statement runs, once, in the template context; the rule is {@code FunctionStatements.defaults},
 * shared by both backends), and the choices the user guide states where the specification is
 * silent: an error evaluating a default is raised by the def statement, an undefined name only
 * where the body uses it, and a mutable default is one object for all calls of one def statement.
 * Every template renders in both modes, which must agree, error locations included.
 */
class KidaDefDefaultsTest {

    @Test
    void theDefStatementEvaluatesTheDefaultsLeftToRightAndOnlyOnce() {
        // per call they would be evaluated after the first print, twice over
        assertEquals("ab|1212|ab", BothModes.render("{% let log = [] %}"
                + "{% def f(a=log.append('a') or 1, b=log.append('b') or 2) %}{{ a }}{{ b }}{% end %}"
                + "{{ log|join }}|{{ f() }}{{ f() }}|{{ log|join }}"));
    }

    @Test
    void aGivenArgumentLeavesItsDefaultUnusedButStillEvaluated() {
        assertEquals("a|7|a", BothModes.render("{% let log = [] %}{% def f(a=log.append('a') or 1) %}{{ a }}{% end %}"
                + "{{ log|join }}|{{ f(7) }}|{{ log|join }}"));
    }

    @Test
    void aLaterLetOfTheNameDoesNotChangeTheDefault() {
        assertEquals("1:2", BothModes.render("{% let v = 1 %}{% def f(x=v) %}{{ x }}:{{ v }}{% end %}{% let v = 2 %}{{ f() }}"));
    }

    @Test
    void aDefaultReadsTheTemplateNotAnEarlierParameter() {
        assertEquals("p,t", BothModes.render("{% let a = 't' %}{% def f(a, b=a) %}{{ a }},{{ b }}{% end %}{{ f('p') }}"));
        assertEquals("False", BothModes.render("{% def f(a, b=a) %}{{ b is defined }}{% end %}{{ f('p') }}"));
    }

    @Test
    void aDefaultThatFailsFailsAtTheDefStatementCalledOrNot() {
        // at the default's own position, before anything after the def renders
        String failed = BothModes.renderLocated("{% let a = 1 %}\n{% def f(x=1, y=missing.attr) %}{% end %}ok", Map.of());
        assertEquals(true, failed.startsWith("error:undefined at 2:"), failed);
        assertEquals("error:runtime", BothModes.render("{% def f(x=1 // 0) %}{% end %}ok"));
    }

    @Test
    void anUndefinedNameIsNoErrorUntilTheBodyUsesIt() {
        // as after {% let x = missing %}: the undefined value raises where it is printed
        assertEquals("ok[1]", BothModes.render("{% def f(x=missing) %}[{{ x }}]{% end %}ok{{ f(1) }}"));
        String failed = BothModes.renderLocated("{% def f(x=missing) %}\n[{{ x }}]{% end %}ok{{ f() }}", Map.of());
        assertEquals(true, failed.startsWith("error:undefined at 2:") && failed.contains("'missing' is undefined"), failed);
    }

    @Test
    void theValueIsTheOneTheStatementSawEvenIfTheNameIsDefinedLater() {
        assertEquals("False", BothModes.render("{% def f(x=missing) %}{{ x is defined }}{% end %}"
                + "{% let missing = 1 %}{{ f() }}"));
    }

    @Test
    void aMutableDefaultIsOneObjectForTheCallsThatOmitIt() {
        assertEquals("1|1,2|3|1,2,4", BothModes.render("{% def f(x, acc=[]) %}{{ acc.append(x) or '' }}{{ acc|join(',') }}"
                + "{% end %}{{ f(1) }}|{{ f(2) }}|{{ f(3, []) }}|{{ f(4) }}"));
        assertEquals("122", BothModes.render("{% def mark(k, seen={}) %}{{ seen.update({k: 1}) or '' }}{{ seen|length }}"
                + "{% end %}{{ mark('a') }}{{ mark('b') }}{{ mark('a') }}"));
    }

    @Test
    void eachRenderRunsTheDefStatementAgainSoNoRenderSeesAnothersDefault() {
        String source = "{% def f(acc=[]) %}{{ acc.append(1) or '' }}{{ acc|length }}{% end %}{{ f() }}{{ f() }}";
        for (ExecutionMode mode : List.of(ExecutionMode.INTERPRETED, ExecutionMode.COMPILED)) {
            Template t = Environment.builder().loader(Loaders.map(Map.of("t.html", source))).mode(mode).build()
                    .getTemplate("t.html");
            assertEquals("12", t.render(Map.of()), mode.toString());
            assertEquals("12", t.render(Map.of()), mode.toString());
        }
    }

    @Test
    void anInnerDefGetsNewDefaultsEachTimeTheOuterBodyRunsItsStatement() {
        // each call of outer runs the inner def statement: a fresh list, and outer's n as it was then
        assertEquals("111|222|", BothModes.render("{% def outer(n) %}{% def inner(x=n, acc=[]) %}{{ acc.append(x) or '' }}"
                + "{{ acc|join }}{% end %}{% let n = n * 10 %}{{ inner() }}{{ inner() }}{% end %}"
                + "{% for i in [1, 2] %}{{ outer(i) }}|{% end %}"));
    }

    @Test
    void eachImportRunsTheTemplateSoEachHasItsOwnDefaults() {
        Map<String, String> files = Map.of(
                "lib.html", "{% let v = 'lib' %}{% def f(x=v, acc=[]) %}{{ acc.append(x) or '' }}{{ acc|join }}{% end %}"
                        + "{% let v = 'late' %}",
                "t.html", "{% import 'lib.html' as m %}{% from 'lib.html' import f %}{% let v = 'main' %}"
                        + "{{ m.f() }}|{{ m.f() }}|{{ f() }}");
        for (ExecutionMode mode : List.of(ExecutionMode.INTERPRETED, ExecutionMode.COMPILED)) {
            Environment env = Environment.builder().loader(Loaders.map(files)).mode(mode).build();
            assertEquals("lib|liblib|lib", env.getTemplate("t.html").render(Map.of()), mode.toString());
        }
    }

    @Test
    void regionsAndMacrosStillEvaluateTheirsAtEachCall() {
        assertEquals("11|11|12", BothModes.render("{% region r(acc=[]) %}{{ acc.append(1) or '' }}{{ acc|length }}{% end %}"
                + "{% macro m(acc=[]) %}{{ acc.append(1) or '' }}{{ acc|length }}{% endmacro %}"
                + "{% def f(acc=[]) %}{{ acc.append(1) or '' }}{{ acc|length }}{% end %}"
                + "{{ r() }}{{ r() }}|{{ m() }}{{ m() }}|{{ f() }}{{ f() }}"));
    }

    @Test
    void aDefOnlyItsCallsSeeKeepsItsLiteralDefaults() {
        // the compiled code makes this def's function at each call (ScopeFacts.unobservedDef)
        assertEquals("[a-5][a-1][b-5][b-1]", BothModes.render("{% def row(x, n=5, s='-') %}[{{ x }}{{ s }}{{ n }}]{% end %}"
                + "{% for x in xs %}{{ row(x) }}{{ row(x, 1) }}{% end %}", Map.of("xs", List.of("a", "b"))));
        // a default other than a literal keeps the def on the usual path, where its statement evaluates it
        assertEquals("error:undefined", BothModes.render("{% def row(x, n=missing.attr) %}{{ n }}{% end %}ok"));
    }
}
