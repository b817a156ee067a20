/**
 * Runtime rules of Kida's own constructs that both backends call: the optional-chaining and
 * null-coalescing operators, the {@code spaceless} whitespace rule and the fragment cache behind
 * {@code {% cache %}}.
 */
package dev.kida.engine.runtime.kida;
