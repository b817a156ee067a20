package dev.kida.engine.predicates;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Markup;
import dev.kida.api.Test;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.Values;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The test Kida adds to Jinja2's: {@code match(pattern)}. */
final class KidaTests {
    /** Compiled patterns; templates use a handful of literal ones, so the cache stays small. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 256;

    private KidaTests() {
    }

    static void register(Map<String, Test> m) {
        m.put("match", (ctx, v, a) -> {
            a.check("match", "pattern");
            String pattern = Values.str(a.require(0, "pattern"));
            if (!(v instanceof String || v instanceof Markup)) {
                return false;
            }
            return pattern(pattern).matcher(v.toString()).lookingAt();
        });
    }

    /** A regular expression matched at the start of the string ({@code re.match}). */
    private static Pattern pattern(String regex) {
        Pattern p = PATTERNS.get(regex);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new TemplateRuntimeException(RuntimeErrorKind.PATTERN_ERROR,
                    "match: invalid regular expression " + Values.repr(regex) + ": "
                    + e.getDescription());
        }
        if (PATTERNS.size() < MAX_CACHED) {
            PATTERNS.put(regex, p);
        }
        return p;
    }
}
