package dev.kida.compiler;

import java.lang.classfile.Label;

/**
 * What a {@code break} or {@code continue} passes on its way out, innermost first: the loop it
 * jumps in, or the end of a body it stops, and the clean-up of each block it leaves.
 */
sealed interface JumpTarget {
    record Loop(Label breakTo, Label continueTo) implements JumpTarget {}

    /** End of a captured body or of the method: break and continue both stop the body. */
    record Stop(Label end) implements JumpTarget {}

    /**
     * Leaving a captured inline body (capture, spaceless, push) by a loop's break or continue
     * abandons it: the output saved in {@code savedSlot} is restored and the captured text dropped,
     * as the evaluator's {@code Renderer.captureInline} does.
     */
    record Abandon(int savedSlot) implements JumpTarget {}

    /** Leaving a body rendered with nothing discarded restores the flag saved in {@code savedSlot}. */
    record Discarding(int savedSlot) implements JumpTarget {}

    /** Leaving an autoescape block restores the saved setting. */
    record Escape(int savedSlot) implements JumpTarget {}

    /** Leaving a provide block withdraws its value. */
    record Unprovide(String key) implements JumpTarget {}

    /** Leaving a try body keeps what it rendered so far (in the buffer held in {@code savedSlot}'s render). */
    record EndTry(int savedSlot) implements JumpTarget {}
}
