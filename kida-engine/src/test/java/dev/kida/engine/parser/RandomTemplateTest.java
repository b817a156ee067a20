package dev.kida.engine.parser;

import static dev.kida.engine.testing.RecordedTsv.unescape;

import static dev.kida.engine.parser.ParserTestSupport.syntaxError;
import static dev.kida.engine.parser.ParserTestSupport.tree;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates glued together at random from valid and broken fragments; the expected tree, or
 * error message and line, were recorded from Jinja2 3.1.6's parser.
 */
class RandomTemplateTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void behavesLikeJinja(String source, String outcome, String expected, int line) {
        if (outcome.equals("OK")) {
            assertEquals(expected, tree(source));
        } else {
            TemplateSyntaxException e = syntaxError(source);
            assertEquals(expected, ParserTestSupport.jinjaWording(e.detail()));
            assertEquals(line, e.line());
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (var in = RandomTemplateTest.class.getResourceAsStream("jinja-random-templates.tsv")) {
            assertNotNull(in);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String row;
            while ((row = reader.readLine()) != null) {
                String[] f = row.split("\t", -1);
                if (f[1].equals("OK")) {
                    cases.add(Arguments.of(unescape(f[0]), "OK", unescape(f[2]), 0));
                } else {
                    cases.add(Arguments.of(unescape(f[0]), "ERR", unescape(f[3]), Integer.parseInt(f[2])));
                }
            }
        }
        assertTrue(cases.size() >= 400);
        return cases.stream();
    }
}
