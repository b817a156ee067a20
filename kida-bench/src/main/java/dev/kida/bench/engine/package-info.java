/**
 * The engines under comparison behind one small interface: each adapter loads a scenario's
 * templates in the engine's own syntax (under {@code templates/<engine>/}, or {@code src/main/jte}
 * and {@code src/main/rocker} for the engines compiled at build time) with HTML escaping on.
 */
package dev.kida.bench.engine;
