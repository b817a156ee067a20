package dev.kida.compiler;

import java.util.ArrayDeque;
import java.util.List;

import java.lang.constant.MethodTypeDesc;

import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * {@code break} and {@code continue}: the blocks a jump leaves, innermost first
 * ({@link JumpTarget}), with the clean-up each block does on leaving, by a jump or normally.
 */
final class Jumps extends BodyPart {
    private final ArrayDeque<JumpTarget> targets = new ArrayDeque<>();

    Jumps(BodyCompiler body) {
        super(body);
    }

    void push(JumpTarget target) {
        targets.push(target);
    }

    void pop() {
        targets.pop();
    }

    /** Takes the stack away (an inlined def body starts with none); see {@link #attach}. */
    List<JumpTarget> detach() {
        return takeAll(targets);
    }

    void attach(List<JumpTarget> saved) {
        refill(targets, saved);
    }

    /** A break (or continue): the clean-up of each block left, then the jump. */
    void jump(boolean isBreak) {
        for (JumpTarget c : targets) {
            switch (c) {
                case JumpTarget.Escape e -> restoreAutoescape(e.savedSlot());
                case JumpTarget.Unprovide u -> unprovide(u.key());
                case JumpTarget.EndTry t -> endTry(t.savedSlot());
                case JumpTarget.Abandon a -> abandonCapture(a.savedSlot());
                case JumpTarget.Discarding d -> restoreDiscarding(d.savedSlot());
                case JumpTarget.Loop l -> {
                    cb.goto_(isBreak ? l.breakTo() : l.continueTo());
                    return;
                }
                case JumpTarget.Stop st -> {
                    cb.goto_(st.end());
                    return;
                }
            }
        }
    }

    /** Leaving an autoescape block: the setting saved in {@code savedSlot} again. */
    void restoreAutoescape(int savedSlot) {
        cb.aload(R).iload(savedSlot).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_void, CD_boolean));
    }

    /** Leaving a captured body by a jump: the saved output again, the captured text dropped. */
    void abandonCapture(int savedSlot) {
        cb.aload(R).aload(savedSlot).invokeinterface(CD_STATE, "out", MethodTypeDesc.of(CD_void, CD_OUTPUT));
    }

    /** Leaving a body rendered with nothing discarded: the discarding flag saved in {@code savedSlot}. */
    void restoreDiscarding(int savedSlot) {
        cb.aload(R).iload(savedSlot).invokeinterface(CD_STATE, "discarding", MethodTypeDesc.of(CD_void, CD_boolean));
    }

    /** Leaving a provide block: its value withdrawn. */
    void unprovide(String key) {
        cb.aload(R);
        string(key);
        cb.invokestatic(CD_HELPERS, "unprovide", MethodTypeDesc.of(CD_void, CD_STATE, CD_String));
    }

    /** Leaving a try body: what it rendered goes out. */
    void endTry(int savedSlot) {
        cb.aload(R).aload(savedSlot).invokestatic(CD_HELPERS, "endTry", MethodTypeDesc.of(CD_void, CD_STATE, CD_OUTPUT));
    }
}
