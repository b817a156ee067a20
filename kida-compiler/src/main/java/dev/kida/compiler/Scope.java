package dev.kida.compiler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A variable scope of generated code: its names live in JVM locals (name to slot), or in a Frame
 * held in a local (when something can capture the scope: a closure, a delegated statement).
 */
final class Scope {
    final boolean local;
    final int frameSlot;
    final Map<String, Integer> slots = new HashMap<>();
    /** Names bound on entry; the others start as {@code CompiledHelpers.MISSING}. */
    final Set<String> definite = new HashSet<>();
    /** Names whose slot holds a whole number as a JVM long (a def parameter given a loop number). */
    final Set<String> longs = new HashSet<>();
    /** A fast loop's scope: {@code loop.x} is computed from the index and size slots. */
    boolean fastLoop;
    int indexSlot;
    int sizeSlot;

    Scope(boolean local, int frameSlot) {
        this.local = local;
        this.frameSlot = frameSlot;
    }

    /** A scope in JVM locals. */
    static Scope locals() {
        return new Scope(true, -1);
    }
}
