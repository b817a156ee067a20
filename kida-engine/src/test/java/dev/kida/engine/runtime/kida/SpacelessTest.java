package dev.kida.engine.runtime.kida;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kida's spaceless rule: whitespace (Python's, Unicode included) between tags and at the ends goes. */
class SpacelessTest {

    @Test
    void whitespaceBetweenTagsAndAtTheEndsGoes() {
        assertEquals("<ul><li> a </li><li>b</li></ul>", Spaceless.apply("\n<ul>\n  <li> a </li>\n\t<li>b</li>\n</ul>\n"));
    }

    @Test
    void whitespaceNextToTextStays() {
        assertEquals("a  <b> x </b>  c", Spaceless.apply("a  <b> x </b>  c"));
        assertEquals("<a> ><b>", Spaceless.apply("<a> > <b>"));
    }

    @Test
    void unicodeSpacesCountAsPythonsDo() {
        assertEquals("<p>a</p><p>b\u00a0c</p>", Spaceless.apply("\u00a0<p>a</p>\u00a0\u2003\u3000\n<p>b\u00a0c</p>\u2029"));
        assertEquals("", Spaceless.apply(" \u00a0\u0085 "));
    }
}
