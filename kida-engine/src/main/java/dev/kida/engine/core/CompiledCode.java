package dev.kida.engine.core;

import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;

/**
 * A template compiled to bytecode: the generated hidden class implements this. Each body (the
 * template's main body, each block, each macro) has an id; running it writes to the render's
 * current output exactly what the evaluator would write for that body.
 */
public interface CompiledCode {
    /**
     * Runs body {@code id} in frame {@code f} (the root frame for the main body, the block's or
     * the macro's own frame otherwise).
     */
    void run(int id, RenderState r, Frame f);

    /**
     * Runs the body {@code id} of a def compiled with its parameters in JVM locals: {@code values}
     * are the bound parameter values (in the order the evaluator's {@code DefFunction.bind} gives),
     * {@code closure} the frame the def was defined in.
     */
    void call(int id, RenderState r, Frame closure, Object[] values);
}
