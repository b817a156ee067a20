package dev.kida.tests.kida;

import static dev.kida.tests.kida.BothModes.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Kida's expression operators as the specification (kida-semantics.md, section 11) describes them,
 * each checked under both backends.
 */
class KidaExpressionsTest {

    private static Map<String, Object> ctx(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Nested
    class Nullish {
        @Test
        void noneAndUndefinedFallBack() {
            assertEquals("d|d", render("{{ v ?? 'd' }}|{{ missing ?? 'd' }}", ctx("v", null)));
        }

        @Test
        void falsyValuesAreKept() {
            assertEquals("[0][][False][[]]",
                    render("[{{ count ?? 5 }}][{{ label ?? 'x' }}][{{ flag ?? true }}][{{ items ?? 'none' }}]",
                            ctx("count", 0L, "label", "", "flag", false, "items", List.of())));
        }

        @Test
        void chainsGroupToTheRight() {
            assertEquals("third", render("{{ a ?? b ?? c ?? 'last' }}", ctx("a", null, "b", null, "c", "third")));
            assertEquals("last", render("{{ a ?? b ?? 'last' }}", ctx("a", null)));
        }

        @Test
        void bindsLooserThanTheConditional() {
            // (none if flag else 'b') ?? 'c': the conditional gives None, which ?? replaces
            assertEquals("c", render("{{ none if flag else 'b' ?? 'c' }}", ctx("flag", true)));
        }

        @Test
        void aFilterOnTheRightBindsToTheRightOperand() {
            assertEquals("ANONYMOUS|bob", render("{{ a ?? 'anonymous'|upper }}|{{ b ?? 'anonymous'|upper }}",
                    ctx("b", "bob")));
        }

        @Test
        void theRightOperandIsEvaluatedOnlyWhenNeeded() {
            assertEquals("a", render("{{ 'a' ?? (1 / 0) }}"));
            assertEquals("0", render("{{ 0 ?? missing_function() }}"));
        }

        @Test
        void otherErrorsPassThrough() {
            assertEquals("error:runtime", render("{{ (1 / zero) ?? 'fallback' }}", ctx("zero", 0L)));
            assertEquals("error:type", render("{{ ('a' - 1) ?? 'fallback' }}"));
        }

        @Test
        void missingKeysAndIndexesAreUndefined() {
            assertEquals("Ann|d", render("{{ user.nickname ?? user.name }}|{{ xs[9] ?? 'd' }}",
                    ctx("user", Map.of("name", "Ann"), "xs", List.of(1L))));
        }

        @Test
        void accessThroughAMissingValueFallsBack() {
            assertEquals("x|y", render("{{ missing.attr.deeper ?? 'x' }}|{{ cfg.a['b'].c ?? 'y' }}",
                    ctx("cfg", Map.of())));
        }

        @Test
        void anUndefinedFallbackStillRaisesWhenPrinted() {
            assertEquals("error:undefined", render("{{ missing ?? also_missing }}"));
        }

        @Test
        void worksInSetAndForIterables() {
            assertEquals("Untitled|12", render(
                    "{% set t = heading ?? 'Untitled' %}{{ t }}|{% for x in items ?? [1, 2] %}{{ x }}{% endfor %}"));
            assertEquals("2", render("{% for x in items ?? [1, 2] if x > 1 %}{{ x }}{% endfor %}"));
        }

        @Test
        void escapingAppliesToTheChosenValue() {
            assertEquals("&lt;Main&gt;", render("{{ heading ?? 'x' }}", ctx("heading", "<Main>")));
            assertEquals("<b>", render("{{ heading ?? '<b>'|safe }}"));
        }
    }

    @Nested
    class Optional {
        @Test
        void noneReceiverGivesNoneWhichPrintsBlankOnlyAsTheWholeOutput() {
            assertEquals("[][True][None!]", render("[{{ v?.x }}][{{ v?.x is none }}][{{ (v?.x) ~ '!' }}]",
                    ctx("v", null)));
            assertEquals("[None]", render("{% set y = v?.x %}[{{ y }}]", ctx("v", null)));
        }

        @Test
        void aMappingsMissingKeyIsNone() {
            assertEquals("[][dflt][deep dflt]", render(
                    "[{{ cfg?.missing }}][{{ cfg?.missing ?? 'dflt' }}][{{ cfg?.missing?.deeper ?? 'deep dflt' }}]",
                    ctx("cfg", Map.of("a", 1L))));
            assertEquals("en", render("{{ settings?['lang'] ?? 'en' }}", ctx("settings", Map.of())));
        }

        @Test
        void anUndefinedReceiverGivesNone() {
            assertEquals("[]|d", render("[{{ nope?.x }}]|{{ nope?['x'] ?? 'd' }}"));
        }

        @Test
        void subscriptsChain() {
            assertEquals("3|no grid", render("{{ grid?[1]?[0] }}|{{ empty?[0] ?? 'no grid' }}",
                    ctx("empty", null, "grid", List.of(List.of(1L, 2L), List.of(3L, 4L)))));
        }

        @Test
        void aMissingIndexIsUndefined() {
            assertEquals("none", render("{{ xs?[5] ?? 'none' }}", ctx("xs", List.of(1L))));
            assertEquals("error:undefined", render("{{ xs?[5] }}", ctx("xs", List.of(1L))));
        }

        @Test
        void aNoneReceiverShortCircuitsTheWholeChain() {
            assertEquals("[]|True", render("[{{ v?.x.y.z }}]|{{ (v?.x['k'].upper()) is none }}", ctx("v", null)));
        }

        @Test
        void aPresentReceiverContinuesAsPlainAccess() {
            assertEquals("ANN", render("{{ u?.name.upper() }}", ctx("u", Map.of("name", "ann"))));
            assertEquals("n", render("{{ u?.a.b ?? 'n' }}", ctx("u", Map.of())));
        }

        @Test
        void keysAreEvaluatedOnlyForAPresentReceiver() {
            assertEquals("[]", render("[{{ v?[1 / 0] }}]", ctx("v", null)));
        }

        @Test
        void methodCallsInTheChain() {
            assertEquals("AB|[]", render("{{ s?.upper() }}|[{{ n?.upper() }}]", ctx("s", "ab", "n", null)));
        }

        @Test
        void optionalFilterSkipsNone() {
            assertEquals("ANN||N/A", render("{{ name ?| upper }}|{{ nothing ?| upper }}|{{ nothing ?| upper ?? 'N/A' }}",
                    ctx("name", "ann", "nothing", null)));
            assertEquals("a, b; no tags", render("{{ tags ?| join(', ') ?? 'no tags' }}; {{ none_tags ?| join(', ') ?? 'no tags' }}",
                    ctx("tags", List.of("a", "b"), "none_tags", null)));
        }

        @Test
        void optionalFilterAppliesToFalsyValuesAndMixesWithPipes() {
            assertEquals("[0]|ann|[None]", render("[{{ empty ?| length }}]|{{ name ?| upper | lower }}|[{{ (n ?| upper) ~ '' }}]",
                    ctx("empty", "", "name", "Ann", "n", null)));
        }
    }

    @Nested
    class Pipelines {
        @Test
        void stepsApplyLeftToRightWithArguments() {
            assertEquals("..bonono.breod..", render("{{ text |> replace('a', 'o') |> center(16) |> replace(' ', '.') }}",
                    ctx("text", "banana bread")));
        }

        @Test
        void escapingIsAsWithPipes() {
            assertEquals("<b>x</b>|&lt;b&gt;x&lt;/b&gt;|&lt;B&gt;X&lt;/B&gt;",
                    render("{{ html |> safe }}|{{ html |> e }}|{{ html |> upper }}", ctx("html", "<b>x</b>")));
        }

        @Test
        void mixingStylesInOneOperandIsASyntaxError() {
            for (String bad : List.of("{{ x | upper |> lower }}", "{{ x |> upper | lower }}", "{{ x ?|> upper |> lower }}",
                    "{{ x |> upper ?| lower }}", "{{ x ?| upper ?|> lower }}", "{{ x |> }}")) {
                assertEquals("error:syntax", render(bad, ctx("x", "a")), bad);
            }
        }

        @Test
        void separateOperandsMayUseDifferentStyles() {
            assertEquals("Ab", render("{{ a |> upper ~ b | lower }}", ctx("a", "a", "b", "B")));
        }

        @Test
        void safePipelineStopsAtNone() {
            assertEquals("xB|[]", render("{{ v ?|> upper ?|> replace('A', 'x') }}|[{{ n ?|> upper ?|> lower }}]",
                    ctx("v", "ab", "n", null)));
        }

        @Test
        void pipelinesFeedLoops() {
            assertEquals("alice bob carol ", render("{% for u in users |> sort(attribute='name') %}{{ u.name |> lower }} {% endfor %}",
                    ctx("users", List.of(Map.of("name", "carol"), Map.of("name", "Bob"), Map.of("name", "alice")))));
        }
    }

    @Nested
    class Ranges {
        @Test
        void inclusiveAndExclusive() {
            assertEquals("123|01234|5", render("{% for i in 1..3 %}{{ i }}{% endfor %}|{% for i in 0...5 %}{{ i }}{% endfor %}|{{ (0...5)|list|length }}"));
        }

        @Test
        void nestedLoopsWithAVariableBound() {
            assertEquals("1\n12\n123\n", render("{% for row in 1..3 %}{% for col in 1..row %}{{ col }}{% endfor %}\n{% endfor %}"));
        }

        @Test
        void steps() {
            assertEquals("[1, 4, 7, 10]|10,7,4,1|10,7,4|[]|[]",
                    render("{{ (1..10 by 3)|list }}|{{ (10..1 by -3)|join(',') }}|{{ (10...1 by -3)|join(',') }}"
                            + "|{{ (5..1)|list }}|{{ (1..5 by -1)|list }}"));
        }

        @Test
        void membershipLengthSumJoin() {
            assertEquals("True|False|False|10|4|1 2 3", render(
                    "{{ 3 in 1..5 }}|{{ 6 in 1..5 }}|{{ 5 in 1...5 }}|{{ (1..4)|sum }}|{{ (1..4)|length }}|{{ (1..n)|join(' ') }}",
                    ctx("n", 3L)));
        }

        @Test
        void filtersAfterARangeApplyToTheRange() {
            assertEquals("1,2,3", render("{{ 1..3|join(',') }}"));
        }

        @Test
        void negativeBoundsInParentheses() {
            assertEquals("[-2, -1, 0, 1, 2]", render("{{ ((-2)..2)|list }}"));
        }

        @Test
        void nonIntegerBoundsAreTypeErrors() {
            assertEquals("error:type", render("{{ (1..2.5)|list }}"));
            assertEquals("error:type", render("{{ ('a'..3)|list }}"));
            assertEquals("error:type", render("{{ (1..3 by 0.5)|list }}"));
            assertEquals("error:type", render("{{ (n..3)|list }}", ctx("n", null)));
        }

        @Test
        void aZeroStepIsAnError() {
            assertEquals("error:runtime", render("{{ (1..5 by 0)|list }}"));
        }
    }

    @Nested
    class ListComprehensions {
        @Test
        void mapAndFilter() {
            assertEquals("1 4 9 16 25|[2, 3]", render("{{ [i * i for i in 1..5]|join(' ') }}|{{ [x for x in xs if x > limit] }}",
                    ctx("xs", List.of(1L, 2L, 3L), "limit", 1L)));
        }

        @Test
        void empty() {
            assertEquals("[0][[]]", render("[{{ [x for x in [] ]|length }}][{{ [x for x in xs if x > 100] }}]",
                    ctx("xs", List.of(1L, 2L))));
        }

        @Test
        void tupleTargets() {
            Map<String, Object> c = ctx("lines", List.of(List.of("pen", 2L), List.of("ink", 1L)));
            assertEquals("pen:2 ink:1", render("{{ [name ~ ':' ~ qty for (name, qty) in lines]|join(' ') }}", c));
            assertEquals("pen:2 ink:1", render("{{ [name ~ ':' ~ qty for name, qty in lines]|join(' ') }}", c));
        }

        @Test
        void theTargetIsLocal() {
            assertEquals("12outer|1False", render(
                    "{% set x = 'outer' %}{{ [x for x in [1, 2]]|join }}{{ x }}|{{ [y for y in [1]]|length }}{{ y is defined }}"));
        }

        @Test
        void itemsAreEscapedWhenPrinted() {
            assertEquals("&lt;a&gt; b&amp;c", render("{{ [t for t in tags]|join(' ') }}", ctx("tags", List.of("<a>", "b&c"))));
        }

        @Test
        void insideALoopSeesTheLoop() {
            assertEquals("1,2;6;", render("{% for row in rows %}{{ [c * loop.index for c in row]|join(',') }};{% endfor %}",
                    ctx("rows", List.of(List.of(1L, 2L), List.of(3L)))));
        }

        @Test
        void nestedForIsASyntaxError() {
            assertEquals("error:syntax", render("{{ [x for x in a for y in b] }}"));
        }

        @Test
        void errorsInTheElementRaise() {
            assertEquals("error:undefined", render("{{ [x.missing ~ '' for x in [{}]] }}"));
            assertEquals("error:type", render("{{ [a for a, b in [1]] }}"));
        }
    }

    @Nested
    class Strings {
        @Test
        void unicodeEscapes() {
            assertEquals("été|1|CAFÉ", render("{{ '\\u00e9t\\u00e9' }}|{{ '\\U0001F600'|length }}|{{ 'caf\\u00e9'|upper }}"));
        }

        @Test
        void controlAndQuoteEscapes() {
            assertEquals("a\nb|a\tb|a\rb|a\\b|&#39;|&quot;", render("{{ 'a\\nb' }}|{{ 'a\\tb' }}|{{ 'a\\rb' }}|{{ 'a\\\\b' }}|{{ '\\'' }}|{{ \"\\\"\" }}"));
        }
    }
}
