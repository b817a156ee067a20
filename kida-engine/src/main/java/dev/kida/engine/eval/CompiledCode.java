package dev.kida.engine.eval;

/**
 * A template compiled to bytecode: the generated hidden class implements this. Each body (the
 * template's main body, each block, each macro) has an id; running it writes to the renderer's
 * current output exactly what the evaluator would write for that body.
 */
public interface CompiledCode {
    /**
     * Runs body {@code id} in frame {@code f} (the root frame for the main body, the block's or
     * the macro's own frame otherwise).
     */
    void run(int id, Renderer r, Frame f);
}
