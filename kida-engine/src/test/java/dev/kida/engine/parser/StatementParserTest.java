package dev.kida.engine.parser;

import static dev.kida.engine.parser.ParserTestSupport.body;
import static dev.kida.engine.parser.ParserTestSupport.parse;
import static dev.kida.engine.parser.ParserTestSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.lexer.LexerOptions;
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

class StatementParserTest {

    @Test
    void adjacentTextIsMergedAndEmptyTextDropped() {
        List<Stmt> body = body("a{# c #}b{{ x }}{#x#}");
        assertEquals(2, body.size());
        assertEquals("ab", assertInstanceOf(Stmt.Text.class, body.getFirst()).text());
        assertInstanceOf(Stmt.Print.class, body.get(1));
        assertTrue(body("{# only a comment #}").isEmpty());
    }

    @Test
    void templateKeepsNormalisedSource() {
        TemplateNode node = Parser.parse("a\r\nb\n", "n", LexerOptions.DEFAULTS);
        assertEquals("a\nb", node.source());
        assertEquals("n", node.name());
        assertEquals("a\nb\n", Parser.parse("a\r\nb\n", "n", new LexerOptions(false, false, true)).source());
    }

    @Test
    void forLoopParts() {
        Stmt.For loop = assertInstanceOf(Stmt.For.class,
                body("{% for k, v in items if v recursive %}x{% else %}y{% endfor %}").getFirst());
        assertEquals(new Target.Tuple(List.of(new Target.Name("k"), new Target.Name("v"))), loop.target());
        assertNotNull(loop.filter());
        assertTrue(loop.recursive());
        assertEquals(1, loop.body().size());
        assertEquals(1, loop.orElse().size());
    }

    @Test
    void namespaceAssignment() {
        Stmt.Set set = assertInstanceOf(Stmt.Set.class, body("{% set ns.x = 1 %}").getFirst());
        assertEquals(new Target.Attr("ns", "x"), set.target());
    }

    @Test
    void statementPositionsAreTheirOpeningDelimiter() {
        List<Stmt> body = body("ab\n  {% if x %}\n {{ y }}{% endif %}");
        assertEquals(new Pos(1, 1), body.get(0).pos());
        Stmt.If ifStmt = assertInstanceOf(Stmt.If.class, body.get(1));
        assertEquals(new Pos(2, 3), ifStmt.pos());
        List<Stmt> inner = ifStmt.branches().getFirst().body();
        assertEquals(new Pos(2, 13), inner.get(0).pos());
        assertEquals(new Pos(3, 2), inner.get(1).pos());
        assertEquals(new Pos(3, 5), ((Stmt.Print) inner.get(1)).expr().pos());
    }

    @Test
    void trimAndLstripShapeTheTextNodes() {
        String source = "<ul>\n  {% for x in y %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>";
        assertEquals("'<ul>\\n' (for x in y if _ ['  <li>' {{x}} '</li>\\n'] else []) '</ul>'",
                AstPrinter.stmts(Parser.parse(source, "t", new LexerOptions(true, true, false)).body()));
        assertEquals("'<ul>\\n  ' (for x in y if _ ['\\n  <li>' {{x}} '</li>\\n  '] else []) '\\n</ul>'",
                tree(source));
    }

    @Test
    void breakInsideWithAndFilterBlocksStillBelongsToTheLoop() {
        // Jinja2 3.1.6 accepts this (and renders '' for y=[1, 2, 3]): with and filter blocks are
        // not functions, so the loop is still the enclosing one.
        assertEquals("(for x in y if _ [(with a=1 [(filterblock (|upper _) [(break)])])] else [])",
                tree("{% for x in y %}{% with a = 1 %}{% filter upper %}{% break %}{% endfilter %}{% endwith %}{% endfor %}"));
    }

    /** Statement trees whose expected shapes come from Jinja2 3.1.6's parser. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jinjaCases")
    void matchesJinja(String source, String expected) {
        assertEquals(expected, tree(source));
    }

    static Stream<Arguments> jinjaCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (var in = StatementParserTest.class.getResourceAsStream("jinja-statements.tsv")) {
            assertNotNull(in);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String row;
            while ((row = reader.readLine()) != null) {
                String[] f = row.split("\t", -1);
                cases.add(Arguments.of(f[0].replace("\\n", "\n"), f[1]));
            }
        }
        assertTrue(cases.size() > 40);
        return cases.stream();
    }
}
