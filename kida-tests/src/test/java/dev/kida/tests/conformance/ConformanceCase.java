package dev.kida.tests.conformance;

import java.util.Map;

/**
 * One Jinja2 conformance case: templates, a context and what Jinja2 3.1.6 produced.
 *
 * @param id          category/name-number
 * @param files       template name to source
 * @param entry       the template to render
 * @param context     the render context, JSON-decoded (ints as Long/BigInteger, fractions as Double)
 * @param options     autoescape, trim_blocks, lstrip_blocks, keep_trailing_newline
 * @param expect      the exact output, or null when an error is expected
 * @param expectError the error kind (syntax, undefined, type, runtime, notfound), or null
 * @param expectLine  the template line Jinja2 reports for the error, or 0 when not recorded
 */
public record ConformanceCase(String id, Map<String, String> files, String entry, Map<String, Object> context,
                              Map<String, Boolean> options, String expect, String expectError, int expectLine) {

    boolean option(String name) {
        return Boolean.TRUE.equals(options.get(name));
    }

    @Override
    public String toString() {
        return id;
    }
}
