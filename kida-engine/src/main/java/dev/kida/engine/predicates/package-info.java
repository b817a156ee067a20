/**
 * Jinja2's built-in tests, the predicates after {@code is} ({@code x is defined},
 * {@code n is odd}, ...), plus Kida's own. Named {@code predicates} so that it is not taken for
 * the {@code kida-tests} module or for test code.
 */
package dev.kida.engine.predicates;
