package dev.kida.engine;

/**
 * A problem {@code Template.diagnostics} finds without rendering: a call of a def that cannot
 * succeed, an argument whose declared type does not fit the parameter, or (strict) a bare
 * {@code {% end %}} where an explicit closer could stand.
 *
 * @param template   the template's name
 * @param line       1-based line
 * @param column     1-based column
 * @param message    what is wrong and how to fix it
 * @param sourceLine the template line, for showing it
 * @param strictOnly whether only strict checking reports it (a style rule, not an error)
 */
public record Diagnostic(String template, int line, int column, String message, String sourceLine,
                         boolean strictOnly) {

    /** {@code template:line:column: message}. */
    @Override
    public String toString() {
        return template + ":" + line + ":" + column + ": " + message;
    }
}
