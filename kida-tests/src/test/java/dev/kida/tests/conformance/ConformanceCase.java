package dev.kida.tests.conformance;

import java.util.Map;

/**
 * One conformance case: templates, a context and what the reference engine (Jinja2 3.1.6, or
 * Kida 0.12 for the Kida corpus) produced.
 *
 * @param id          category/name-number
 * @param files       template name to source
 * @param entry       the template to render
 * @param context     the render context, JSON-decoded (ints as Long/BigInteger, fractions as Double)
 * @param options     Jinja2 Environment parameters by name: booleans (autoescape, trim_blocks,
 *                    lstrip_blocks, keep_trailing_newline) and strings (undefined, the delimiter
 *                    strings, line prefixes, newline_sequence); a missing one has Jinja2's default
 * @param expect      the exact output, or null when an error is expected
 * @param expectError the error kind (syntax, undefined, type, runtime, notfound), or null
 * @param expectLine  the template line Jinja2 reports for the error, or 0 when not recorded
 * @param block       render only this block, fragment or region ({@code "block"}), or null
 * @param blockOverrides render with these blocks replaced by trusted HTML ({@code "block_overrides"}),
 *                    or null
 * @param listBlocks  the output is the sorted block names joined by newlines ({@code "list_blocks"})
 */
public record ConformanceCase(String id, Map<String, String> files, String entry, Map<String, Object> context,
                              Map<String, Object> options, String expect, String expectError, int expectLine,
                              String block, Map<String, String> blockOverrides, boolean listBlocks) {

    /** A plain full-render case (the Jinja2 corpus has no other kind). */
    public ConformanceCase(String id, Map<String, String> files, String entry, Map<String, Object> context,
                           Map<String, Object> options, String expect, String expectError, int expectLine) {
        this(id, files, entry, context, options, expect, expectError, expectLine, null, null, false);
    }

    boolean option(String name) {
        return Boolean.TRUE.equals(options.get(name));
    }

    /** A string option, or null when the case does not set it. */
    String stringOption(String name) {
        return options.get(name) instanceof String s ? s : null;
    }

    /** A string option, or Jinja2's default for it. */
    String stringOption(String name, String fallback) {
        String s = stringOption(name);
        return s != null ? s : fallback;
    }

    @Override
    public String toString() {
        return id;
    }
}
