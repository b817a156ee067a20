package dev.kida.engine.lexer;

import static dev.kida.engine.testing.RecordedTsv.unescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.api.TemplateSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexerTest {
    private static final LexerOptions TRIM = new LexerOptions(true, false, false);
    private static final LexerOptions LSTRIP = new LexerOptions(false, true, false);

    private static List<Token> lex(String source, LexerOptions options) {
        return Lexer.tokenize(source, "t", options);
    }

    /** The token stream as "TYPE" or "TYPE:value" words, without the final EOF. */
    private static String stream(String source, LexerOptions options) {
        List<Token> tokens = lex(source, options);
        assertEquals(TokenType.EOF, tokens.getLast().type());
        return tokens.subList(0, tokens.size() - 1).stream().map(t -> switch (t.type()) {
            case DATA, STRING -> t.type() + ":'" + ((String) t.value()).replace("\n", "\\n") + "'";
            case NAME, INTEGER, FLOAT -> t.type() + ":" + t.value();
            default -> t.type().name();
        }).collect(Collectors.joining(" "));
    }

    private static String stream(String source) {
        return stream(source, LexerOptions.DEFAULTS);
    }

    @Test
    void textVariableBlockAndComment() {
        assertEquals("DATA:'a ' VARIABLE_BEGIN NAME:x VARIABLE_END DATA:' b ' BLOCK_BEGIN NAME:if NAME:y BLOCK_END"
                        + " DATA:'c'",
                stream("a {{ x }} b {% if y %}{# note #}c"));
    }

    @Test
    void operatorsAndPunctuation() {
        assertEquals("VARIABLE_BEGIN ADD SUB MUL POW DIV FLOORDIV MOD TILDE EQ NE LT LTEQ GT GTEQ ASSIGN DOT COLON"
                        + " PIPE COMMA SEMICOLON LPAREN RPAREN LBRACKET RBRACKET LBRACE RBRACE VARIABLE_END",
                stream("{{ + - * ** / // % ~ == != < <= > >= = . : | , ; ( ) [ ] { } }}"));
    }

    @Test
    void bracesInsideATagDoNotCloseIt() {
        assertEquals("VARIABLE_BEGIN LBRACE STRING:'a' COLON LBRACE RBRACE RBRACE VARIABLE_END",
                stream("{{ {'a':{}}}}"));
    }

    @Test
    void numbers() {
        List<Token> tokens = lex("{{ 1_000 0x1f 0o17 0b11 1.5 1e3 2E-2 123456789012345678901234 0 00 }}",
                LexerOptions.DEFAULTS);
        List<Object> values = tokens.subList(1, tokens.size() - 2).stream().map(Token::value).toList();
        assertEquals(List.of(1000L, 31L, 15L, 3L, 1.5, 1000.0, 0.02,
                new BigInteger("123456789012345678901234"), 0L, 0L), values);
    }

    @Test
    void kidaOperators() {
        assertEquals("VARIABLE_BEGIN NULLISH NULLISH_ASSIGN OPT_DOT OPT_LBRACKET RBRACKET OPT_PIPE PIPELINE"
                        + " OPT_PIPELINE RANGE_INCLUSIVE RANGE_EXCLUSIVE PIPE DOT VARIABLE_END",
                stream("{{ ?? ??= ?. ?[ ] ?| |> ?|> .. ... | . }}"));
    }

    @Test
    void kidaOperatorsWithoutSpaces() {
        assertEquals("VARIABLE_BEGIN NAME:a OPT_DOT NAME:b OPT_LBRACKET INTEGER:0 RBRACKET NULLISH STRING:'x'"
                        + " OPT_PIPE NAME:upper PIPELINE NAME:lower OPT_PIPELINE NAME:e VARIABLE_END",
                stream("{{ a?.b?[0]??'x'?|upper|>lower?|>e }}"));
    }

    @Test
    void rangesBetweenIntegersAreNotFloats() {
        assertEquals("VARIABLE_BEGIN INTEGER:1 RANGE_INCLUSIVE INTEGER:3 INTEGER:0 RANGE_EXCLUSIVE INTEGER:5"
                        + " FLOAT:1.5 RANGE_INCLUSIVE NAME:n INTEGER:1 RANGE_INCLUSIVE FLOAT:2.5 VARIABLE_END",
                stream("{{ 1..3 0...5 1.5..n 1..2.5 }}"));
    }

    @Test
    void aLoneQuestionMarkIsStillALexicalError() {
        assertThrows(TemplateSyntaxException.class, () -> lex("{{ a ? b : c }}", LexerOptions.DEFAULTS));
    }

    @Test
    void optionalBracketMustBeClosedByABracket() {
        assertThrows(TemplateSyntaxException.class, () -> lex("{{ a?[0) }}", LexerOptions.DEFAULTS));
    }

    @Test
    void numberAfterDotIsNotAFloat() {
        assertEquals("VARIABLE_BEGIN NAME:x DOT INTEGER:0 DOT INTEGER:1 VARIABLE_END", stream("{{ x.0.1 }}"));
    }

    @Test
    void minusSignsStripWhitespace() {
        assertEquals("DATA:'a' VARIABLE_BEGIN NAME:x VARIABLE_END DATA:'b' BLOCK_BEGIN NAME:y BLOCK_END DATA:'c'",
                stream("a \n {{- x -}} \n b {%- y -%}\n c"));
        assertEquals("DATA:'a' DATA:'b'", stream("a  {#- c -#}  b"));
    }

    @Test
    void trimBlocksRemovesOneNewlineAfterBlocksAndComments() {
        assertEquals("BLOCK_BEGIN NAME:x BLOCK_END DATA:'\\na' DATA:'b'", stream("{% x %}\n\na{# c #}\nb", TRIM));
        assertEquals("VARIABLE_BEGIN NAME:x VARIABLE_END DATA:'\\na'", stream("{{ x }}\na", TRIM));
        assertEquals("BLOCK_BEGIN NAME:x BLOCK_END DATA:'\\na'", stream("{% x +%}\na", TRIM));
    }

    @Test
    void lstripBlocksRemovesIndentBeforeBlockTagsOnly() {
        assertEquals("DATA:'a\\n' BLOCK_BEGIN NAME:x BLOCK_END DATA:'\\n  ' VARIABLE_BEGIN NAME:y VARIABLE_END",
                stream("a\n  {% x %}\n  {{ y }}", LSTRIP));
        assertEquals("DATA:'a  ' BLOCK_BEGIN NAME:x BLOCK_END", stream("a  {% x %}", LSTRIP));
        assertEquals("DATA:'  ' BLOCK_BEGIN NAME:x BLOCK_END", stream("  {%+ x %}", LSTRIP));
        assertEquals("BLOCK_BEGIN NAME:x BLOCK_END", stream("  {% x %}", LSTRIP));
    }

    @Test
    void rawIsVerbatim() {
        assertEquals("DATA:'a' DATA:'{{ x }}{% if %}' DATA:'b'", stream("a{% raw %}{{ x }}{% if %}{% endraw %}b"));
        assertEquals("DATA:'a' DATA:'x' DATA:'b'", stream("a {%- raw -%} x {%- endraw -%} b"));
    }

    @Test
    void newlinesAreNormalisedAndTheLastOneDropped() {
        assertEquals("DATA:'a\\nb\\nc'", stream("a\r\nb\rc\n"));
        assertEquals("DATA:'a\\n'", stream("a\n\n"));
        assertEquals("DATA:'a\\n'", stream("a\n", new LexerOptions(false, false, true)));
    }

    @Test
    void tokensKnowTheirLineAndColumn() {
        List<Token> tokens = lex("ab\n  {{ x }}", LexerOptions.DEFAULTS);
        assertEquals(List.of("1:1", "2:3", "2:6", "2:8", "2:10"),
                tokens.stream().map(t -> t.line() + ":" + t.column()).toList());
    }

    @Test
    void unexpectedCharacter() {
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class, () -> lex("ab\n{{ $ }}", LexerOptions.DEFAULTS));
        assertEquals("unexpected char '$' at 6", e.detail());
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("{{ $ }}", e.sourceLine());
    }

    @Test
    void unclosedCommentAndRaw() {
        assertEquals("Missing end of comment tag",
                assertThrows(TemplateSyntaxException.class, () -> lex("x {# y", LexerOptions.DEFAULTS)).detail());
        assertEquals("Missing end of raw directive",
                assertThrows(TemplateSyntaxException.class, () -> lex("{% raw %}y", LexerOptions.DEFAULTS)).detail());
    }

    /** Joins the DATA tokens of templates whose tags are all {@code if true}/comments/raw: that is their output. */
    @ParameterizedTest(name = "[{index}] {0} trim={1} lstrip={2} keep={3}")
    @MethodSource("whitespaceCases")
    void whitespaceMatchesJinja(String source, boolean trim, boolean lstrip, boolean keep, String expected) {
        String output = lex(source, new LexerOptions(trim, lstrip, keep)).stream()
                .filter(t -> t.type() == TokenType.DATA).map(t -> (String) t.value()).collect(Collectors.joining());
        assertEquals(expected, output);
    }

    static Stream<Arguments> whitespaceCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (var in = LexerTest.class.getResourceAsStream("jinja-whitespace.tsv")) {
            assertNotNull(in);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t", -1);
                cases.add(Arguments.of(unescape(f[0]), Boolean.parseBoolean(f[1]), Boolean.parseBoolean(f[2]),
                        Boolean.parseBoolean(f[3]), unescape(f[4])));
            }
        }
        assertTrue(cases.size() > 200);
        return cases.stream();
    }
}
