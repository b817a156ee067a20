package dev.kida.engine.eval;

import dev.kida.engine.core.Engine;
import dev.kida.engine.core.Evaluator;
import dev.kida.engine.output.Output;
import dev.kida.engine.runtime.value.Budget;

import java.util.Map;

/**
 * The tree-walking evaluator, as the engine hub reaches it: each render is a fresh
 * {@link Renderer}. Stateless; one instance serves every environment.
 */
public final class TreeEvaluator implements Evaluator {
    /** The evaluator. */
    public static final TreeEvaluator INSTANCE = new TreeEvaluator();

    private TreeEvaluator() {
    }

    @Override
    public Map<String, Object> renderGlobals() {
        return KidaGlobals.ALL;
    }

    @Override
    public Rendering start(Engine engine, Output output, Budget budget) {
        return new Renderer(engine, output, budget);
    }
}
