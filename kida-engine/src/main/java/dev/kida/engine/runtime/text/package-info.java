/**
 * Python's {@code str} operations on Java strings, counting in code points ({@code upper},
 * {@code split}, {@code center}...), character classes, and printf-style {@code %} formatting.
 * Built on the value model; the operators and {@code str}'s method table in {@code runtime}
 * call into it.
 */
package dev.kida.engine.runtime.text;
