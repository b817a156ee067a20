package dev.kida.engine.eval;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The evaluator's statements and scoping, checked against outputs Jinja2 gives. */
class EvaluatorTest {

    static String render(String source, Map<String, ?> context) {
        return Environment.builder().autoescape(false).build().fromString(source).render(context);
    }

    static String render(String source) {
        return render(source, Map.of());
    }

    static String renderFiles(Map<String, String> files, String entry, Map<String, ?> context) {
        return Environment.builder().loader(Loaders.map(files)).build().getTemplate(entry).render(context);
    }

    @Nested
    class Scoping {
        @Test
        void setInsideLoopDoesNotLeak() {
            assertEquals("1|1", render("{% set x = 1 %}{% for i in [5] %}{% set x = i %}{% endfor %}{{ x }}|{{ x }}"));
        }

        @Test
        void setInsideIfDoesLeak() {
            assertEquals("2", render("{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}"));
        }

        @Test
        void withValuesSeeTheOuterScope() {
            assertEquals("1 1 / 5", render("{% set a = 5 %}{% with a = 1, b = a %}{{ a }} {{ b == 5 and 1 }}{% endwith %} / {{ a }}"));
        }

        @Test
        void namespaceCarriesValuesOutOfLoops() {
            assertEquals("3", render("{% set ns = namespace(n=0) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}"));
        }
    }

    @Nested
    class Loops {
        @Test
        void loopVariables() {
            assertEquals("1/3 0 2 True False|2/3 1 1 False False|3/3 2 0 False True|",
                    render("{% for x in 'abc' %}{{ loop.index }}/{{ loop.length }} {{ loop.index0 }} {{ loop.revindex0 }} {{ loop.first }} {{ loop.last }}|{% endfor %}"));
        }

        @Test
        void filteredLoopCountsOnlyKeptItems() {
            assertEquals("1:2 2:4 ", render("{% for x in [1, 2, 3, 4] if x is even %}{{ loop.index }}:{{ x }} {% endfor %}"));
        }

        @Test
        void elseRunsWhenNothingIterated() {
            assertEquals("empty", render("{% for x in [] %}{{ x }}{% else %}empty{% endfor %}"));
        }

        @Test
        void recursiveLoop() {
            Map<String, Object> tree = Map.of("items", List.of(
                    Map.of("name", "a", "children", List.of(Map.of("name", "b", "children", List.of())))));
            assertEquals("[a1[b2]]", render("{% for i in items recursive %}[{{ i.name }}{{ loop.depth }}{{ loop(i.children) }}]{% endfor %}", tree));
        }

        @Test
        void breakAndContinue() {
            assertEquals("13", Environment.builder().autoescape(false).extension("loopcontrols").build()
                    .fromString("{% for x in [1, 2, 3, 4, 5] %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{ x }}{% endfor %}")
                    .render(Map.of()));
        }

        @Test
        void cycleAndChanged() {
            assertEquals("a:T b:F a:T ", render("{% for x in [1, 1, 2] %}{{ loop.cycle('a', 'b') }}:{{ 'T' if loop.changed(x) else 'F' }} {% endfor %}"));
        }
    }

    @Nested
    class Macros {
        @Test
        void defaultsVarargsKwargs() {
            assertEquals("1-2-(3,)-{'k': 4}", render("{% macro m(a, b=2) %}{{ a }}-{{ b }}-{{ varargs }}-{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, k=4) }}"));
        }

        @Test
        void missingArgumentIsUndefined() {
            assertThrows(UndefinedException.class, () -> render("{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}"));
        }

        @Test
        void tooManyArgumentsIsTypeError() {
            assertThrows(TemplateTypeException.class, () -> render("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}"));
        }

        @Test
        void callBlockPassesCaller() {
            assertEquals("<x>hi 7</x>", render("{% macro w() %}<x>{{ caller(7) }}</x>{% endmacro %}{% call(n) w() %}hi {{ n }}{% endcall %}"));
        }

        @Test
        void macroOutputIsSafeUnderAutoescape() {
            String out = Environment.builder().build()
                    .fromString("{% macro b() %}<b>{{ '<' }}</b>{% endmacro %}{{ b() }}").render(Map.of());
            assertEquals("<b>&lt;</b>", out);
        }
    }

    @Nested
    class Inheritance {
        @Test
        void childOverridesAndCallsSuper() {
            assertEquals("<A[base]+child>", renderFiles(Map.of(
                    "base.html", "<{% block a %}A[base]{% endblock %}>",
                    "child.html", "{% extends 'base.html' %}ignored{% block a %}{{ super() }}+child{% endblock %}"),
                    "child.html", Map.of()));
        }

        @Test
        void threeLevels() {
            assertEquals("(1 2 3)", renderFiles(Map.of(
                    "a.html", "({% block b %}1{% endblock %})",
                    "b.html", "{% extends 'a.html' %}{% block b %}{{ super() }} 2{% endblock %}",
                    "c.html", "{% extends 'b.html' %}{% block b %}{{ super() }} 3{% endblock %}"),
                    "c.html", Map.of()));
        }

        @Test
        void blocksSeeTopLevelSetsOfTheChild() {
            assertEquals("v", renderFiles(Map.of(
                    "base.html", "{% block a %}{% endblock %}",
                    "child.html", "{% extends 'base.html' %}{% set x = 'v' %}{% block a %}{{ x }}{% endblock %}"),
                    "child.html", Map.of()));
        }

        @Test
        void selfCallsABlock() {
            assertEquals("T|T", render("{% block t %}T{% endblock %}|{{ self.t() }}"));
        }

        @Test
        void requiredBlockMustBeOverridden() {
            assertThrows(TemplateRuntimeException.class, () -> renderFiles(Map.of(
                    "base.html", "{% block a required %}{% endblock %}",
                    "child.html", "{% extends 'base.html' %}"), "child.html", Map.of()));
        }
    }

    @Nested
    class IncludeAndImport {
        @Test
        void includeSeesLoopVariables() {
            assertEquals("1;2;", renderFiles(Map.of(
                    "main.html", "{% for i in [1, 2] %}{% include 'item.html' %}{% endfor %}",
                    "item.html", "{{ i }};"), "main.html", Map.of()));
        }

        @Test
        void includeIgnoreMissing() {
            assertEquals("ok", renderFiles(Map.of("main.html", "{% include 'nope.html' ignore missing %}ok"),
                    "main.html", Map.of()));
        }

        @Test
        void missingIncludeIsNotFound() {
            assertThrows(TemplateNotFoundException.class, () -> renderFiles(
                    Map.of("main.html", "{% include 'nope.html' %}"), "main.html", Map.of()));
        }

        @Test
        void importMacros() {
            assertEquals("[x] [y]", renderFiles(Map.of(
                    "lib.html", "{% macro b(t) %}[{{ t }}]{% endmacro %}",
                    "main.html", "{% import 'lib.html' as lib %}{% from 'lib.html' import b as bb %}{{ lib.b('x') }} {{ bb('y') }}"),
                    "main.html", Map.of()));
        }

        @Test
        void importWithoutContextDoesNotSeeCallerVariables() {
            assertThrows(UndefinedException.class, () -> renderFiles(Map.of(
                    "lib.html", "{% macro b() %}{{ secret }}{% endmacro %}",
                    "main.html", "{% import 'lib.html' as lib %}{{ lib.b() }}"),
                    "main.html", Map.of("secret", 1)));
        }
    }

    @Nested
    class Globals {
        @Test
        void aNullGlobalIsNone() {
            assertEquals("None", Environment.builder().global("nothing", null).build()
                    .fromString("{{ nothing }}").render(Map.of()));
        }

        @Test
        void userFilterOverridesBuiltin() {
            assertEquals("X!", Environment.builder().filter("upper", (ctx, v, a) -> ctx.str(v) + "!").build()
                    .fromString("{{ 'X'|upper }}").render(Map.of()));
        }
    }

    @Nested
    class Errors {
        @Test
        void undefinedNameIsLocated() {
            UndefinedException e = assertThrows(UndefinedException.class, () -> Environment.builder().build()
                    .fromString("line one\n  {{ missing }}", "page.html").render(Map.of()));
            assertEquals("page.html", e.templateName());
            assertEquals(2, e.line());
            assertEquals(6, e.column());
            assertEquals("  {{ missing }}", e.sourceLine());
        }

        @Test
        void divisionByZeroIsRuntime() {
            KidaException e = assertThrows(TemplateRuntimeException.class, () -> render("{{ 1 // 0 }}"));
            assertEquals(1, e.line());
        }

        @Test
        void unknownFilterIsASyntaxErrorAtLoadTime() {
            TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class, () -> Environment.builder()
                    .build().fromString("{% for i in [] %}\n{{ x|nope }}{% endfor %}"));
            assertEquals(2, e.line());
        }

        @Test
        void absurdNestingIsASyntaxErrorNotACrash() {
            String deep = "{{ " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + " }}";
            assertThrows(TemplateSyntaxException.class, () -> render(deep));
        }

        @Test
        void runawayRecursionIsARuntimeError() {
            assertThrows(TemplateRuntimeException.class,
                    () -> render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"));
        }

        @Test
        void unknownFilterInAnIfBranchFailsOnlyWhenItRuns() {
            Environment env = Environment.builder().build();
            assertEquals("", env.fromString("{% if false %}{{ x|nope }}{% endif %}").render(Map.of()));
            assertThrows(dev.kida.api.TemplateRuntimeException.class,
                    () -> env.fromString("{% if true %}{{ 1|nope }}{% endif %}").render(Map.of()));
        }

        @Test
        void messageShowsLineAndCaret() {
            UndefinedException e = assertThrows(UndefinedException.class, () -> Environment.builder().build()
                    .fromString("ab {{ y }}", "t.html").render(Map.of()));
            assertEquals("t.html:1:7: 'y' is undefined\n    ab {{ y }}\n          ^", e.getMessage());
        }
    }
}
