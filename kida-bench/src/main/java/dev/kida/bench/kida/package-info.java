/**
 * Kida as the benchmarks drive it: its execution modes and escaper backends as JMH parameters
 * ({@link dev.kida.bench.kida.KidaMode}, {@link dev.kida.bench.kida.KidaEscaper}), and its own
 * suite of templates.
 */
package dev.kida.bench.kida;
