package dev.kida.engine.parser;

import static dev.kida.engine.parser.ParserTestSupport.expr;
import static dev.kida.engine.parser.ParserTestSupport.shape;
import static dev.kida.engine.parser.ParserTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.engine.ast.BinaryOp;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.UnaryOp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionParserTest {

    @Test
    void powerIsLeftAssociative() {
        assertEquals("(** (** 2 3) 2)", shape("2 ** 3 ** 2"));
    }

    @Test
    void unaryMinusBindsTighterThanPower() {
        assertEquals("(** (neg 2) 2)", shape("-2 ** 2"));
    }

    @Test
    void concatBindsLooserThanMultiplication() {
        assertEquals("(~ (* 2 3) 4)", shape("2 * 3 ~ 4"));
    }

    @Test
    void concatBindsTighterThanAddition() {
        assertEquals("(+ 1 (~ 2 3))", shape("1 + 2 ~ 3"));
        assertEquals("(+ (~ 1 2) 3)", shape("1 ~ 2 + 3"));
    }

    @Test
    void filterAppliesToTheNegatedOperand() {
        // Jinja2 3.1.6 renders {{ -3|abs }} as 3: the filter takes (-3).
        Expr e = expr("-3|abs");
        Expr.Filter filter = assertInstanceOf(Expr.Filter.class, e);
        assertEquals("abs", filter.name());
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, filter.value());
        assertEquals(UnaryOp.NEG, neg.op());
        assertEquals(3L, assertInstanceOf(Expr.Literal.class, neg.operand()).value());
    }

    @Test
    void printedTupleWithoutParentheses() {
        assertEquals("(tuple 1 2)", shape("1, 2"));
    }

    @Test
    void literalTypes() {
        assertEquals(1000L, ((Expr.Literal) expr("1_000")).value());
        assertEquals(new BigInteger("99999999999999999999999"), ((Expr.Literal) expr("99999999999999999999999")).value());
        assertEquals(Long.MAX_VALUE, ((Expr.Literal) expr("9223372036854775807")).value());
        assertEquals(new BigInteger("9223372036854775808"), ((Expr.Literal) expr("9223372036854775808")).value());
        assertEquals(10.5, ((Expr.Literal) expr("1_0.5")).value());
        assertEquals(1000.0, ((Expr.Literal) expr("1e3")).value());
        assertEquals(Boolean.TRUE, ((Expr.Literal) expr("True")).value());
        assertEquals(Boolean.FALSE, ((Expr.Literal) expr("false")).value());
        assertEquals(null, ((Expr.Literal) expr("none")).value());
        assertInstanceOf(Expr.Name.class, expr("nothing"));
    }

    @Test
    void stringEscapesFollowPython() {
        assertEquals("a\nb\t\\c'd\"", ((Expr.Literal) expr("'a\\nb\\t\\\\c\\'d\\\"'")).value());
        assertEquals("A\u00e9\uD83D\uDE00", ((Expr.Literal) expr("'\\x41\\u00e9\\U0001F600'")).value());
        assertEquals("\\q\\z", ((Expr.Literal) expr("'\\q\\z'")).value());
        assertEquals("A\0", ((Expr.Literal) expr("'\\101\\0'")).value());
        assertEquals("\u0007\b\f\r\u000b", ((Expr.Literal) expr("'\\a\\b\\f\\r\\v'")).value());
        assertEquals("\u00e9", ((Expr.Literal) expr("'\\N{LATIN SMALL LETTER E WITH ACUTE}'")).value());
        assertEquals("ab", ((Expr.Literal) expr("'a\\\nb'")).value());
        assertEquals("it's", ((Expr.Literal) expr("\"it's\"")).value());
    }

    @Test
    void badEscapesAreSyntaxErrors() {
        assertEquals("truncated \\xXX escape", syntaxError("{{ 'ab\\x4' }}").detail());
        assertEquals("truncated \\uXXXX escape", syntaxError("{{ '\\u12' }}").detail());
    }

    @Test
    void positionsPointAtOperatorsForInfixNodes() {
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, expr("a  +  b"));
        assertEquals(BinaryOp.ADD, plus.op());
        assertEquals(new Pos(1, 7), plus.pos());
        assertEquals(new Pos(1, 4), plus.left().pos());
        assertEquals(new Pos(1, 10), plus.right().pos());
        Expr.GetAttr attr = assertInstanceOf(Expr.GetAttr.class, expr("x.y"));
        assertEquals(new Pos(1, 5), attr.pos());
        Expr.Filter filter = assertInstanceOf(Expr.Filter.class, expr("x | upper"));
        assertEquals(new Pos(1, 8), filter.pos());
        Expr.Test test = assertInstanceOf(Expr.Test.class, expr("x is odd"));
        assertEquals(new Pos(1, 6), test.pos());
    }

    @Test
    void starArgumentsInTestsAreRejectedClearly() {
        assertTrue(syntaxError("{{ x is foo(*a) }}").detail().contains("not supported"));
    }

    /** Cases whose expected shapes were produced by Jinja2 3.1.6's own parser. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jinjaCases")
    void matchesJinjaParser(String source, String expected) {
        if (expected.startsWith("ERROR ")) {
            assertEquals(expected.substring(6), syntaxError("{{ " + source + " }}").detail());
        } else {
            assertEquals(expected, shape(source));
        }
    }

    static Stream<Arguments> jinjaCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (var in = ExpressionParserTest.class.getResourceAsStream("jinja-expressions.tsv")) {
            assertNotNull(in, "resource present");
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                cases.add(Arguments.of(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        assertTrue(cases.size() > 100);
        return cases.stream();
    }
}
