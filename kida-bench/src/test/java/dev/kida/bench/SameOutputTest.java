package dev.kida.bench;

import dev.kida.bench.data.Contact;
import dev.kida.bench.data.ContactData;
import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Resources;
import dev.kida.bench.engine.Scenario;
import dev.kida.bench.kida.KidaEngine;
import dev.kida.bench.kida.KidaEscaper;
import dev.kida.bench.kida.KidaMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check before measuring: every engine renders every scenario to exactly the bytes of the
 * hand-written renderer, so the benchmarks compare the same work. Nothing is normalised; the test
 * data avoids the characters engines escape differently (see {@code StockData}).
 */
class SameOutputTest {
    private static String expected(Scenario scenario) {
        return Peer.HANDWRITTEN.adapter().prepare(scenario).render();
    }

    static Stream<Arguments> peersAndScenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            for (Scenario scenario : Scenario.values()) {
                cases.add(Arguments.of(peer, scenario));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peersAndScenarios")
    void peerRendersTheSameBytes(Peer peer, Scenario scenario) {
        Renderer renderer = peer.adapter().prepare(scenario);
        String expected = expected(scenario);
        // Twice: a renderer must not carry state from one render to the next.
        assertSameBytes(expected, renderer.render(), peer.label());
        assertSameBytes(expected, renderer.render(), peer.label() + " (second render)");
    }

    static Stream<Arguments> kidaVariantsAndScenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (KidaMode mode : KidaMode.values()) {
            for (KidaEscaper escaper : KidaEscaper.values()) {
                for (Scenario scenario : Scenario.values()) {
                    cases.add(Arguments.of(mode, escaper, scenario));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "Kida {0} {1} {2}")
    @MethodSource("kidaVariantsAndScenarios")
    void kidaRendersTheSameBytes(KidaMode mode, KidaEscaper escaper, Scenario scenario) {
        Renderer renderer = new KidaEngine(mode, escaper).prepare(scenario);
        String expected = expected(scenario);
        assertSameBytes(expected, renderer.render(), "Kida");
        assertSameBytes(expected, renderer.render(), "Kida (second render)");
    }

    @ParameterizedTest(name = "Kida-spelled stocks {0}")
    @org.junit.jupiter.params.provider.EnumSource(KidaMode.class)
    void theKidaSpelledStocksPageRendersTheSameBytes(KidaMode mode) {
        Renderer renderer = new KidaEngine(mode, KidaEscaper.JAVA).renderer("stocks-kida.html",
                Scenario.STOCKS.context());
        String expected = expected(Scenario.STOCKS);
        assertSameBytes(expected, renderer.render(), "Kida (Kida spelling)");
        assertSameBytes(expected, renderer.render(), "Kida (Kida spelling, second render)");
    }

    @Test
    void theReferenceOutputIsTheIntendedPage() {
        String stocks = expected(Scenario.STOCKS);
        assertAll(
                () -> assertEquals(20, count(stocks, "\t\t\t<tr class=\"")),
                () -> assertEquals(10, count(stocks, "<tr class=\"odd\">")),
                () -> assertEquals(11, count(stocks, "<td class=\"minus\">") / 2),
                () -> assertTrue(stocks.contains("<a href=\"https://www.att.com\">AT&amp;T</a>")),
                () -> assertTrue(stocks.contains(">Small &lt;Caps&gt;</a>")),
                () -> assertTrue(stocks.contains("<td><strong>495.84</strong></td>")),
                () -> assertTrue(stocks.endsWith("</html>\n")));
        String large = expected(Scenario.LARGE);
        int bytes = large.getBytes(StandardCharsets.UTF_8).length;
        assertAll(
                () -> assertEquals(1_000, count(large, "<tr><td>")),
                () -> assertTrue(bytes > 90_000 && bytes < 160_000, "large page is " + bytes + " bytes"),
                () -> assertTrue(large.contains("<td>Acme &lt;Widgets&gt;</td>")),
                () -> assertTrue(large.contains("<title>Directory</title>")),
                () -> assertTrue(large.endsWith("</html>\n")));
        String escaped = expected(Scenario.ESCAPED);
        int escapedBytes = escaped.getBytes(StandardCharsets.UTF_8).length;
        assertAll(
                () -> assertEquals(ContactData.ROWS, count(escaped, "<tr><td>")),
                () -> assertTrue(escapedBytes > 124_000 && escapedBytes < 128_000, "page is " + escapedBytes + " bytes"),
                () -> assertTrue(escaped.contains("<td>Johnson &amp; Johnson</td>")),
                () -> assertTrue(escaped.contains("<td>&lt;b&gt;vip&lt;/b&gt;</td>")),
                () -> assertTrue(escaped.endsWith("</html>\n")));
    }

    @Test
    void theEscapedPageHasTheDensityOfIssue13() {
        int toEscape = 0;
        for (Contact c : ContactData.contacts()) {
            for (String v : new String[] {c.getName(), c.getEmail(), c.getCity(), c.getCompany(), c.getNote(),
                    c.getStatus()}) {
                if (v.indexOf('&') >= 0 || v.indexOf('<') >= 0 || v.indexOf('>') >= 0) {
                    toEscape++;
                }
            }
        }
        assertEquals(ContactData.VALUES_TO_ESCAPE, toEscape);
    }

    @ParameterizedTest
    @EnumSource(value = Peer.class, names = {"PEBBLE", "JINJAVA", "FREEMARKER", "MUSTACHE", "HANDLEBARS",
            "THYMELEAF", "VELOCITY"})
    void peerCompilesItsStocksSource(Peer peer) {
        String source = Resources.template(peer.templateDirectory(), peer.stocksTemplate());
        assertNotNull(peer.compiler().compile(source));
    }

    @Test
    void kidaCompilesFromSourceToTheSamePage() {
        String source = Resources.template("kida", "stocks.html");
        var template = (dev.kida.engine.Template) KidaEngine.compiler(KidaMode.DEFAULT, KidaEscaper.JAVA)
                .compile(source);
        assertSameBytes(expected(Scenario.STOCKS), template.render(Scenario.STOCKS.context()), "Kida fromString");
    }

    private static void assertSameBytes(String expected, String actual, String engine) {
        if (!expected.equals(actual)) {
            int at = firstDifference(expected, actual);
            assertEquals(expected, actual, engine + " differs from the hand-written page at char " + at
                    + ": expected ..." + around(expected, at) + "... but was ..." + around(actual, at) + "...");
        }
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 40))
                .replace("\n", "\\n").replace("\t", "\\t");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
