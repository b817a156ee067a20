package dev.kida.bench.engine;

/** Turns template source text into a template ready to render, without rendering it. */
@FunctionalInterface
public interface SourceCompiler {
    /** The compiled template (returned so that the benchmark can consume it). */
    Object compile(String source);
}
