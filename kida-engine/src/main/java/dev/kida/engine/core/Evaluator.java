package dev.kida.engine.core;

import dev.kida.engine.output.Output;
import dev.kida.engine.runtime.value.Budget;

import java.util.Map;

/**
 * The tree-walking evaluator as the engine sees it: the backend every render starts in (compiled
 * code, when a template has it, runs inside the render the evaluator set up). The engine knows
 * only this interface, so the hub does not depend on the evaluator's package; the
 * {@code Environment} hands the engine its implementation.
 */
public interface Evaluator {
    /**
     * Globals that only work inside one of this evaluator's renders (Kida's {@code consume}),
     * merged under the environment's built-ins and user globals.
     */
    Map<String, Object> renderGlobals();

    /** Starts one render for {@code engine} writing into {@code output} under {@code budget}. */
    Rendering start(Engine engine, Output output, Budget budget);

    /** One render, started by {@link #start}; used once, on one thread. */
    interface Rendering {
        /**
         * Streams the render: at each {@code flush}, {@code sink} takes (and empties) the output
         * so far. Call before rendering.
         */
        void streamTo(java.util.function.Consumer<Output> sink);

        /**
         * Renders the entry template with the user's context, the blocks named in
         * {@code overrides} replaced by the given trusted text; returns the names of the blocks
         * the inheritance chain defines (an empty set when {@code overrides} is empty: nothing
         * to check them against).
         */
        java.util.Set<String> render(PreparedTemplate entry, Map<String, ?> context, Map<String, String> overrides);

        /**
         * Renders one block, fragment or region of {@code entry} (the most-derived definition
         * along its inheritance chain) after the setup statements of every template of the chain.
         */
        void renderBlock(PreparedTemplate entry, String name, Map<String, ?> context);
    }
}
