package dev.kida.engine.parser;

import static dev.kida.engine.testing.RecordedTsv.unescape;

import static dev.kida.engine.parser.ParserTestSupport.parse;
import static dev.kida.engine.parser.ParserTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.api.TemplateSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntaxErrorTest {

    private static void assertError(String source, String detail, int line, int column) {
        TemplateSyntaxException e = syntaxError(source);
        assertEquals(detail, ParserTestSupport.jinjaWording(e.detail()));
        assertEquals("t.html", e.templateName());
        assertEquals(line, e.line(), "line");
        assertEquals(column, e.column(), "column");
        assertEquals(source.split("\n", -1)[line - 1], e.sourceLine());
    }

    @Test
    void unknownTag() {
        assertError("ab\n  {% foo %}", "Encountered unknown tag 'foo'.", 2, 6);
    }

    @Test
    void unclosedFor() {
        assertError("{% for x in y %}abc",
                "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'."
                        + " The innermost block that needs to be closed is 'for'.", 1, 20);
    }

    @Test
    void wrongEndTag() {
        assertError("{% for x in y %}\n{% if x %}\n{% endfor %}",
                "Encountered unknown tag 'endfor'. You probably made a nesting mistake. Jinja is expecting this tag,"
                        + " but currently looking for 'elif' or 'else' or 'endif'. The innermost block that needs to be"
                        + " closed is 'if'.", 3, 4);
    }

    /** region, push and a try's fallback close only with end, which the message names instead of an empty list. */
    @Test
    void endOnlyBlocksAskForEnd() {
        assertError("{% region r() %}x{% endregion %}",
                "Encountered unknown tag 'endregion'. Jinja was looking for the following tags: 'end'."
                        + " The innermost block that needs to be closed is 'region'.", 1, 21);
        assertError("{% try %}a{% fallback %}b",
                "Unexpected end of template. Jinja was looking for the following tags: 'end'."
                        + " The innermost block that needs to be closed is 'try'.", 1, 26);
        assertError("{% push 'js' %}a",
                "Unexpected end of template. Jinja was looking for the following tags: 'end'."
                        + " The innermost block that needs to be closed is 'push'.", 1, 17);
    }

    @Test
    void unbalancedBracket() {
        assertError("x\n{{ a) }}", "unexpected ')'", 2, 5);
        assertError("{{ [1, 2 }}", "unexpected '}', expected ']'", 1, 10);
    }

    @Test
    void unexpectedTokenAfterExpression() {
        assertError("line1\nline2 {{ a b }}", "expected token 'end of print statement', got 'b'", 2, 12);
    }

    @Test
    void unclosedTags() {
        assertError("{{ x", "unexpected end of template, expected 'end of print statement'.", 1, 5);
        assertError("a\n{% if x", "unexpected end of template, expected 'end of statement block'.", 2, 8);
        assertError("a\n  {# x", "Missing end of comment tag", 2, 3);
    }

    @Test
    void unexpectedCharacter() {
        assertError("{{ a $ b }}", "unexpected char '$' at 5", 1, 6);
    }

    @Test
    void missingOperand() {
        assertError("\n\n  {{ x + }}", "unexpected 'end of print statement'", 3, 10);
    }

    @Test
    void blockDefinedTwice() {
        assertError("{% block a %}{% endblock %}\n{% block a %}{% endblock %}", "block 'a' defined twice", 2, 10);
    }

    @Test
    void endBlockNameMustMatch() {
        assertError("{% block a %}{% endblock b %}", "expected token 'end of statement block', got 'b'", 1, 26);
    }

    @Test
    void privateImport() {
        assertError("{% from 'm' import a, _b %}", "names starting with an underline can not be imported", 1, 23);
    }

    @Test
    void requiredBlockWithContent() {
        assertError("{% block a required %}x{% endblock %}",
                "Required blocks can only contain comments or whitespace", 1, 36);
        parse("{% block a required %} \n {# c #} {% endblock %}");
    }

    @Test
    void loopControlsOutsideLoops() {
        assertError("{% break %}", "'break' outside loop", 1, 4);
        assertError("{% for x in y %}{% else %}{% continue %}{% endfor %}", "'continue' not properly in loop", 1, 30);
        assertError("{% for x in y %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}",
                "'break' outside loop", 1, 35);
        parse("{% for x in y %}{% if x %}{% break %}{% else %}{% continue %}{% endif %}{% endfor %}");
    }

    @Test
    void cannotAssignToConstant() {
        assertError("{% set (a, 1) = x %}", "can't assign to 'tuple'", 1, 8);
        assertError("{% for 1 in x %}{% endfor %}", "can't assign to 'const'", 1, 8);
    }

    @Test
    void duplicateMacroParameterIsPythonsCompileErrorNotATemplateSyntaxError() {
        // Jinja2 only meets it when Python compiles the generated code: a runtime-kind error.
        dev.kida.api.TemplateRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.kida.api.TemplateRuntimeException.class, () -> parse("{% macro m(a, a) %}{% endmacro %}"));
        assertEquals("duplicate argument 'a' in function definition", e.detail());
        assertEquals(15, e.column());
    }

    @Test
    void repeatedKeywordArgumentIsACompileError() {
        dev.kida.api.TemplateRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.kida.api.TemplateRuntimeException.class, () -> parse("\n{{ f(a=1, a=2) }}"));
        assertEquals(2, e.line());
    }

    @Test
    void doNeedsItsExtensionButLoopControlsAreKidaBuiltIns() {
        Parser.parse("{% for x in y %}{% break %}{% endfor %}", "t", dev.kida.engine.lexer.LexerOptions.DEFAULTS);
        org.junit.jupiter.api.Assertions.assertThrows(TemplateSyntaxException.class, () -> Parser.parse(
                "{% break %}", "t", dev.kida.engine.lexer.LexerOptions.DEFAULTS));
        org.junit.jupiter.api.Assertions.assertThrows(TemplateSyntaxException.class, () -> Parser.parse(
                "{% do x %}", "t", dev.kida.engine.lexer.LexerOptions.DEFAULTS));
    }

    @Test
    void loopCannotBeAssignedInsideAFor() {
        assertError("{% for x in y %}{% set loop = 1 %}{% endfor %}",
                "Can't assign to special loop variable in for-loop target", 1, 17);
        parse("{% set loop = 1 %}");
    }

    @Test
    void earlierParserErrorWinsOverLaterLexerError() {
        assertError("{% foo %}\n{{ $ }}", "Encountered unknown tag 'foo'.", 1, 4);
    }

    @Test
    void messageShowsLocationAndCaret() {
        String message = syntaxError("a\n{{ x y }}").getMessage();
        assertTrue(message.startsWith("t.html:2:6: expected token"), message);
        assertTrue(message.endsWith("{{ x y }}\n         ^"), message);
    }

    /**
     * Jinja2 syntax errors that are valid Kida (Kida's language is always on): they must parse.
     * {@code with a} is Kida's conditional with, binding {@code it}.
     */
    private static final java.util.Set<String> KIDA_SUPERSET = java.util.Set.of("{% with a %}{% endwith %}");

    /** Broken templates whose messages and lines come from Jinja2 3.1.6 itself. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jinjaCases")
    void matchesJinja(String source, String line, String detail) {
        if (line.equals("OK") || KIDA_SUPERSET.contains(source)) {
            parse(source);
            return;
        }
        TemplateSyntaxException e = syntaxError(source);
        assertEquals(detail, ParserTestSupport.jinjaWording(e.detail()));
        assertEquals(Integer.parseInt(line), e.line());
    }

    static Stream<Arguments> jinjaCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (var in = SyntaxErrorTest.class.getResourceAsStream("jinja-errors.tsv")) {
            assertNotNull(in);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String row;
            while ((row = reader.readLine()) != null) {
                String[] f = row.split("\t", -1);
                cases.add(Arguments.of(unescape(f[0]), f[1], f.length > 2 ? unescape(f[2]) : ""));
            }
        }
        assertTrue(cases.size() > 80);
        return cases.stream();
    }
}
