package dev.kida.tests.kida;

import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The render APIs ({@code renderBlock}, {@code renderWithBlocks}, {@code blockNames}) and Kida's
 * function rules the corpus does not pin down (argument errors, render-time context across
 * templates), in both execution modes.
 */
class KidaRenderApiTest {

    static Template template(ExecutionMode mode, Map<String, String> files, String entry) {
        return Environment.builder().loader(Loaders.map(files)).mode(mode).build().getTemplate(entry);
    }

    static Template template(ExecutionMode mode, String source) {
        return template(mode, Map.of("main.html", source), "main.html");
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void renderBlockRunsTopLevelDefsAndImportsButNotOtherOutput(ExecutionMode mode) {
        Template t = template(mode, Map.of(
                "lib.html", "{% def em(x) %}<em>{{ x }}</em>{% end %}",
                "main.html", "before{% from 'lib.html' import em %}{% def b(x) %}<b>{{ x }}</b>{% end %}"
                        + "{% set hidden = 'no' %}{% block body %}{{ em(who) }}{{ b(who) }}"
                        + "{{ hidden is defined }}{% end %}after"), "main.html");
        assertEquals("<em>&lt;A&gt;</em><b>&lt;A&gt;</b>False", t.renderBlock("body", Map.of("who", "<A>")));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void renderBlockOfAnUnknownNameIsARuntimeErrorNamingIt(ExecutionMode mode) {
        Template t = template(mode, "{% block a %}x{% end %}");
        TemplateRuntimeException e = assertThrows(TemplateRuntimeException.class, () -> t.renderBlock("b", Map.of()));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aRegionRenderedAsABlockTakesItsParametersFromTheContextOrItsDefaults(ExecutionMode mode) {
        Template t = template(mode, "{% region row(item, cls='row') %}<{{ cls }}>{{ item }}{% end %}");
        assertEquals("<row>a", t.renderBlock("row", Map.of("item", "a")));
        assertEquals("<x>a", t.renderBlock("row", Map.of("item", "a", "cls", "x")));
        assertThrows(dev.kida.api.UndefinedException.class, () -> t.renderBlock("row", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void overridesAreInsertedUnescapedAndMustNameABlock(ExecutionMode mode) {
        Template t = template(mode, "[{% block a %}A{% end %}][{% block b %}B{% end %}]");
        assertEquals("[<i>&</i>][B]", t.renderWithBlocks(Map.of("a", "<i>&</i>"), Map.of()));
        assertEquals("[<i>x</i>][B]", t.renderWithBlocks(Map.of("a", Markup.of("<i>x</i>")), Map.of()));
        TemplateRuntimeException e = assertThrows(TemplateRuntimeException.class,
                () -> t.renderWithBlocks(Map.of("c", "x"), Map.of()));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void overridesDoNotReachIncludedTemplates(ExecutionMode mode) {
        Template t = template(mode, Map.of("inc.html", "{% block a %}inner{% end %}",
                "main.html", "{% block a %}outer{% end %}|{% include 'inc.html' %}"), "main.html");
        assertEquals("X|inner", t.renderWithBlocks(Map.of("a", "X"), Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void blockNamesListBlocksFragmentsAndRegionsOfTheChainButNotDefs(ExecutionMode mode) {
        Template t = template(mode, Map.of("base.html", "{% block z %}{% end %}{% fragment f %}{% end %}",
                "main.html", "{% extends 'base.html' %}{% def d() %}{% end %}{% region r() %}{% end %}"
                        + "{% block a %}{% end %}"), "main.html");
        assertEquals(List.of("a", "f", "r", "z"), List.copyOf(t.blockNames()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void defArgumentMistakesAreTypeErrors(ExecutionMode mode) {
        String def = "{% def f(a, b=2) %}{{ a }}{{ b }}{% end %}";
        assertEquals("12|34", template(mode, def + "{{ f(1) }}|{{ f(3, b=4) }}").render());
        for (String call : List.of("{{ f(1, 2, 3) }}", "{{ f(1, c=3) }}", "{{ f() }}", "{{ f(1, a=1) }}")) {
            Template t = template(mode, def + call);
            TemplateTypeException e = assertThrows(TemplateTypeException.class, t::render, call);
            assertTrue(e.getMessage().contains("'f'"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void varargsAndKwargsTakeWhatTheNamedParametersDoNot(ExecutionMode mode) {
        Template t = template(mode, "{% def f(a, *rest, **named) %}{{ a }}{{ rest }}{{ named|dictsort }}{% end %}"
                + "{{ f(1, 2, 3, x=4) }}");
        assertEquals("1(2, 3)[(&#39;x&#39;, 4)]", t.render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void parametersAfterStarArgsAreKeywordOnly(ExecutionMode mode) {
        String def = "{% def g(a, *rest, k=1) %}{{ a }}{{ rest|length }}{{ k }}{% end %}";
        assertEquals("121|129", template(mode, def + "{{ g(1, 2, 3) }}|{{ g(1, 2, 3, k=9) }}").render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void defsAreOnlyAllowedAtTopLevelOrInADef(ExecutionMode mode) {
        assertEquals("in", template(mode, "{% def o() %}{% def i() %}in{% end %}{{ i() }}{% end %}{{ o() }}").render());
        assertThrows(TemplateSyntaxException.class, () -> template(mode, "{% for x in y %}{% def f() %}{% end %}{% end %}"));
        assertThrows(TemplateSyntaxException.class, () -> template(mode, "{% slot %}"));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void providedValuesReachIncludesAndAreRestoredAfterTheBlock(ExecutionMode mode) {
        Template t = template(mode, Map.of("inc.html", "{{ consume('k') }}",
                "main.html", "{% provide k = 1 %}{% provide k = 2 %}{% include 'inc.html' %}{% end %}"
                        + "{% include 'inc.html' %}{% end %}{% include 'inc.html' %}|{{ consume('k', default='d') }}"),
                "main.html");
        assertEquals("21None|d", t.render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void pushesFromDefsAndIncludesCountInRenderOrder(ExecutionMode mode) {
        Template t = template(mode, Map.of("inc.html", "{% push 's' %}<i>{% end %}",
                "main.html", "{% def d() %}{% push 's' %}<d>{% end %}{% end %}{{ d() }}{% include 'inc.html' %}"
                        + "{% push 's' %}<m>{% end %}{% stack 's' %}|{% stack 'other' %}|"), "main.html");
        assertEquals("<d><i><m>||", t.render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void yieldRendersTheEnclosingDefsCallerNotTheInnerCalls(ExecutionMode mode) {
        Template t = template(mode, "{% def shell() %}<s>{{ caller() }}</s>{% end %}"
                + "{% def page(t) %}{% call shell() %}<h1>{{ t }}</h1>{% yield %}{% end %}{% end %}"
                + "{% call page('T') %}body{% end %}|{{ page('U') }}");
        assertEquals("<s><h1>T</h1>body</s>|<s><h1>U</h1></s>", t.render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void anEmbedsOverridesSeeTheEmbeddingLoop(ExecutionMode mode) {
        Template t = template(mode, Map.of("box.html", "<{% block b %}-{% end %}>",
                "main.html", "{% for i in [1, 2] %}{% embed 'box.html' %}{% block b %}{{ i }}{% end %}{% end %}{% end %}"
                        + "{% embed 'box.html' %}{% end %}"), "main.html");
        assertEquals("<1><2><->", t.render());
    }
}
