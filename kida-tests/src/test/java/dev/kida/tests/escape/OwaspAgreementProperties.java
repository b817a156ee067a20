package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.owasp.encoder.Encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every available backend agrees with the OWASP Java Encoder's {@code Encode.forHtml}, a second
 * and independent oracle, once its documented differences are mapped:
 * <ul>
 *   <li>OWASP writes {@code "} as {@code &#34;}; ours is {@code &quot;}: our output's
 *       {@code &quot;} is rewritten to {@code &#34;}.</li>
 *   <li>OWASP replaces characters that are invalid in HTML by a space; we keep them. The set
 *       (measured on encoder 1.5.0 and checked by {@link #theInvalidSetIsOwasps}): C0 controls
 *       other than tab, LF and CR (so U+0000-0008, U+000B, U+000C,
 *       U+000E-001F), DEL and the C1 controls but NEL (U+007F-0084, U+0086-009F), unpaired
 *       surrogates, the non-characters U+FDD0-FDEF and every code point ending in FFFE or FFFF.
 *       Each such code point in our output is mapped to one space.</li>
 *   <li>We remove NUL; OWASP turns it into a space: NUL is removed from OWASP's input. (Removing
 *       it can join a high and a low surrogate into a pair; we do the same, so both sides see
 *       that pair.)</li>
 * </ul>
 */
class OwaspAgreementProperties {

    @Property(tries = 300)
    void agreesWithOwaspForHtml(@ForAll("backends") EscaperProvider backend, @ForAll("texts") String text) {
        String owasp = Encode.forHtml(text.replace("\0", ""));
        String ours = owaspView(backend.escaper().escape(text));
        assertEquals(owasp, ours, backend.name());
    }

    @Property(tries = 8)
    void agreesWithOwaspOnLargeText(@ForAll("backends") EscaperProvider backend, @ForAll("largeTexts") String text) {
        assertEquals(Encode.forHtml(text.replace("\0", "")), owaspView(backend.escaper().escape(text)),
                backend.name());
    }

    /** The mapping itself is checked against OWASP over the whole BMP and the astral edges. */
    @net.jqwik.api.Example
    void theInvalidSetIsOwasps() {
        for (int cp = 1; cp < 0x10000; cp++) {
            String s = String.valueOf((char) cp);
            boolean owaspSpace = cp != ' ' && Encode.forHtml(s).equals(" ");
            assertEquals(owaspSpace, invalidForOwasp(cp), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
        for (int cp : new int[] {0x10000, 0x1FFFD, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF, 0x1F600}) {
            String s = Character.toString(cp);
            assertEquals(invalidForOwasp(cp), Encode.forHtml(s).equals(" "), () -> "U+" + Integer.toHexString(cp));
        }
    }

    /** Our escaped output as OWASP would write it. */
    static String owaspView(String escaped) {
        String quotes = escaped.replace("&quot;", "&#34;");
        StringBuilder sb = new StringBuilder(quotes.length());
        for (int i = 0; i < quotes.length(); ) {
            int cp = quotes.codePointAt(i);
            if (invalidForOwasp(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** Whether OWASP's forHtml replaces this code point (or lone surrogate) by a space. */
    static boolean invalidForOwasp(int cp) {
        return cp <= 0x08 || cp == 0x0B || cp == 0x0C || (cp >= 0x0E && cp <= 0x1F)
                || (cp >= 0x7F && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9F)
                || (cp >= 0xD800 && cp <= 0xDFFF)
                || (cp >= 0xFDD0 && cp <= 0xFDEF)
                || (cp & 0xFFFE) == 0xFFFE;
    }

    @Provide
    Arbitrary<EscaperProvider> backends() {
        return Backends.anyAvailable();
    }

    @Provide
    Arbitrary<String> texts() {
        return Texts.anyText();
    }

    @Provide
    Arbitrary<String> largeTexts() {
        return Texts.largeText();
    }
}
