package dev.kida.engine;

/** How an {@link Environment} runs its templates. */
public enum ExecutionMode {
    /** Always in the tree-walking evaluator: no bytecode is generated. */
    INTERPRETED,
    /**
     * Compiled to bytecode when loaded. A template the compiler cannot handle runs in the evaluator
     * instead; {@link Template#compileFailure()} says why.
     */
    COMPILED,
    /**
     * Starts in the evaluator and is compiled in the background once it has run a number of times
     * (see {@link Environment.Builder#compileThreshold}); renders never wait for the compiler.
     */
    TIERED
}
