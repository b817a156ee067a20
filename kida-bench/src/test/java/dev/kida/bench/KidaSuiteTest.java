package dev.kida.bench;

import dev.kida.bench.kida.KidaEngine;
import dev.kida.bench.kida.KidaEscaper;
import dev.kida.bench.kida.KidaMode;
import dev.kida.bench.kida.SuiteTemplate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kida's own suite renders what its templates say, so the suite benchmark measures real pages. */
class KidaSuiteTest {
    private static String render(SuiteTemplate t) {
        return new KidaEngine(KidaMode.DEFAULT, KidaEscaper.JAVA).renderer(t.templateName(), t.context()).render();
    }

    @Test
    void minimal() {
        assertEquals("Hello, World &amp; &lt;friends&gt;!\n", render(SuiteTemplate.MINIMAL));
    }

    @Test
    void small() {
        assertEquals("""
                <h1>WEEKLY REPORT</h1>
                <p class="admin">Ada &lt;admin&gt; (admin)</p>
                <ul>
                <li class="odd">alpha</li>
                <li class="even">beta &amp; gamma</li>
                <li class="odd">delta</li>
                <li class="even">epsilon</li>
                <li class="odd">zeta</li>
                </ul>
                """, render(SuiteTemplate.SMALL));
    }

    @Test
    void medium() {
        String out = render(SuiteTemplate.MEDIUM);
        assertAll(
                () -> assertTrue(out.startsWith("<h1>The &lt;Kida&gt; Shop</h1>\n<p>50 products in tools, toys, books</p>\n"), out),
                () -> assertEquals(50, count(out, "<div class=\"card")),
                () -> assertEquals(10, count(out, "<div class=\"card sale\">")),
                () -> assertTrue(out.contains("<h3>Product Number 7</h3>")),
                () -> assertTrue(out.contains("<p>No description</p>")),
                () -> assertTrue(out.contains("<p>Useful &amp; durable item &lt;1&gt;</p>")),
                () -> assertEquals(1, count(out, "<section class=\"products\">")),
                () -> assertTrue(out.endsWith("<footer>prices include vat</footer>\n"), out));
    }

    @Test
    void large() {
        String out = render(SuiteTemplate.LARGE);
        assertAll(
                () -> assertEquals(1_000, count(out, "<tr class=")),
                () -> assertTrue(out.contains("<tr class=\"even\"><td>1000</td><td>P11000</td>")),
                () -> assertTrue(out.contains("<td>Acme &lt;Widgets&gt;</td>")));
    }

    @Test
    void complex() {
        String out = render(SuiteTemplate.COMPLEX);
        assertAll(
                () -> assertTrue(out.contains("<title>Archive - Site</title>\n<meta name=\"description\" content=\"A blog &lt;about&gt; templates\">"), out),
                () -> assertTrue(out.contains("<nav><a href=\"/\">Home</a> | <a href=\"/blog\" class=\"active\">Blog</a> | <a href=\"/about\">About &amp; contact</a>")),
                () -> assertTrue(out.contains("<li>tag&lt;12&gt; (36)</li>")),
                () -> assertEquals(5, count(out, "<section id=\"s")),
                () -> assertTrue(out.contains("<h2>Section &lt;3&gt; <span class=\"badge\">8</span></h2>")),
                () -> assertEquals(40, count(out, "<article class=")),
                () -> assertTrue(out.contains("<p>by anonymous: What happened when x &lt; 3 and y &gt; 1</p>")),
                () -> assertTrue(out.contains("<footer>&copy; 2025 Kida &amp; co</footer>")),
                () -> assertFalse(out.contains("{%")));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
