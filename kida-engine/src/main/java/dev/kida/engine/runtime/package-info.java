/**
 * Python's object protocol over template values, the one definition both backends call: the
 * {@code Values} facade, operators ({@code Arithmetic}, {@code Comparison}), attribute and item
 * access with the method tables of {@code str}, {@code dict} and {@code list}, {@code str.format},
 * call arguments ({@code Args}) and the errors for unknown filters and tests. Subpackages, each
 * below this one: {@code value} (the value model's base), {@code text} (str operations and
 * formatting), {@code html}; above it: {@code objects} (built-in globals) and {@code kida} (Kida's
 * own runtime rules).
 */
package dev.kida.engine.runtime;
