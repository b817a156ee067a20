package dev.kida.engine.parser;

import static dev.kida.engine.parser.ParserTestSupport.syntaxError;
import static dev.kida.engine.parser.ParserTestSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.api.TemplateSyntaxException;
import org.junit.jupiter.api.Test;

/** Kida's {@code {% end %}} and the checks every block shares (one mechanism for all block kinds). */
class BlockClosingTest {

    @Test
    void endClosesEveryJinjaBlockLikeItsExplicitCloser() {
        String[][] pairs = {
            {"{% if a %}x{% elif b %}y{% else %}z{% end %}", "{% if a %}x{% elif b %}y{% else %}z{% endif %}"},
            {"{% for x in y %}{{ x }}{% else %}n{% end %}", "{% for x in y %}{{ x }}{% else %}n{% endfor %}"},
            {"{% macro m(a) %}{{ a }}{% end %}", "{% macro m(a) %}{{ a }}{% endmacro %}"},
            {"{% block b %}x{% end %}", "{% block b %}x{% endblock %}"},
            {"{% with a = 1 %}{{ a }}{% end %}", "{% with a = 1 %}{{ a }}{% endwith %}"},
            {"{% filter upper %}x{% end %}", "{% filter upper %}x{% endfilter %}"},
            {"{% call m() %}x{% end %}", "{% call m() %}x{% endcall %}"},
            {"{% set v %}x{% end %}", "{% set v %}x{% endset %}"},
            {"{% autoescape true %}x{% end %}", "{% autoescape true %}x{% endautoescape %}"},
        };
        for (String[] pair : pairs) {
            assertEquals(tree(pair[1]), tree(pair[0]), pair[0]);
        }
    }

    @Test
    void bareAndExplicitClosersMix() {
        assertEquals(tree("{% for x in y %}{% if x %}a{% endif %}{% endfor %}"),
                tree("{% for x in y %}{% if x %}a{% endif %}{% end %}"));
        assertEquals(tree("{% for x in y %}{% if x %}a{% endif %}{% endfor %}"),
                tree("{% for x in y %}{% if x %}a{% end %}{% endfor %}"));
    }

    @Test
    void forTakesEmptyAsItsElse() {
        assertEquals(tree("{% for x in y %}a{% else %}b{% endfor %}"), tree("{% for x in y %}a{% empty %}b{% end %}"));
    }

    @Test
    void endInsideRawIsText() {
        assertEquals(tree("{% raw %}{% end %}{% endraw %}"), tree("{% raw %}{% end %}{% endraw %}"));
        assertTrue(tree("{% raw %}{% end %}{% endraw %}").contains("{% end %}"));
    }

    @Test
    void aCloserForAnotherBlockNamesTheInnermostOneAndWhereItStarted() {
        TemplateSyntaxException e = syntaxError("{% if a %}\n  {% for x in y %}{% endif %}");
        assertEquals(2, e.line());
        assertTrue(e.detail().contains("innermost block that needs to be closed is 'for'"), e.detail());
        assertTrue(e.detail().endsWith("It was opened at line 2, column 3."), e.detail());
    }

    @Test
    void aBlockLeftOpenNamesWhereItStarted() {
        TemplateSyntaxException e = syntaxError("a\n{% with x = 1 %}\n{% if x %}b{% end %}");
        assertTrue(e.detail().startsWith("Unexpected end of template."), e.detail());
        assertTrue(e.detail().endsWith("The innermost block that needs to be closed is 'with'."
                + " It was opened at line 2, column 1."), e.detail());
    }

    @Test
    void endWithNothingOpenIsAnError() {
        TemplateSyntaxException e = syntaxError("x{% if a %}{% end %}\n{% end %}");
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("'end' closes nothing: no block is open here", e.detail());
    }

    @Test
    void continuationKeywordsOutsideTheirBlockAreErrors() {
        for (String word : new String[] {"elif x", "else", "empty", "case 1", "fallback"}) {
            TemplateSyntaxException e = syntaxError("{% " + word + " %}x{% end %}");
            assertTrue(e.detail().contains("is only valid inside"), e.detail());
        }
        syntaxError("{% with a = 1 %}{% elif b %}{% end %}");
    }

    @Test
    void loopControlsOutsideALoopAreErrorsEvenInsideAMacroInALoop() {
        syntaxError("{% break %}");
        syntaxError("{% if a %}{% continue %}{% end %}");
        syntaxError("{% for x in y %}{% macro m() %}{% break %}{% end %}{% end %}");
    }
}
