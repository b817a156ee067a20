package dev.kida.engine.ast;

import java.util.List;

/** The left side of an assignment: {@code for} targets, {@code set}, {@code with}. */
public sealed interface Target {

    /** A plain variable. */
    record Name(String name) implements Target {}

    /** {@code a, b} or {@code (a, (b, c))}: unpacks an iterable. */
    record Tuple(List<Target> items) implements Target {}

    /** {@code ns.attr}: assigns into a {@code namespace()} object (only in {@code set}). */
    record Attr(String name, String attr) implements Target {}
}
