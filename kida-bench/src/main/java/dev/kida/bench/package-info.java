/**
 * JMH benchmarks. Run on the class path (JMH's generated harness is not modular), so the engine
 * is used as a plain jar here.
 */
package dev.kida.bench;
