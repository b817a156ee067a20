package dev.kida.engine.runtime.kida;

import dev.kida.engine.runtime.text.PyChars;
import dev.kida.engine.runtime.text.StrOperations;

/** Kida's {@code spaceless}: the whitespace rule, one definition for both backends. */
public final class Spaceless {
    private Spaceless() {
    }

    /**
     * Removes every run of whitespace that sits between a {@code >} and a {@code <}, and the
     * whitespace at both ends; whitespace next to text stays. Whitespace is Python's (what Kida's
     * {@code re.sub(r'>\s+<', ...)} and {@code str.strip()} see): no-break and other Unicode spaces
     * count, not only ASCII ones.
     */
    public static String apply(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            out.append(c);
            i++;
            if (c != '>') {
                continue;
            }
            int j = i;
            while (j < n && PyChars.isSpace(html.codePointAt(j))) {
                j += Character.charCount(html.codePointAt(j));
            }
            if (j > i && j < n && html.charAt(j) == '<') {
                i = j;
            }
        }
        return StrOperations.strip(out.toString(), null, true, true);
    }
}
