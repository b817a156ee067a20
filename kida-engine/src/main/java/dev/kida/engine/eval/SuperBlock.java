package dev.kida.engine.eval;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.TemplateObject;

import java.util.List;

/**
 * {@code super()} inside a block: renders the next definition of the block up the chain;
 * {@code super.super()} skips one more level.
 */
record SuperBlock(StatementExecutor executor, List<Renderer.BlockDef> chain, int index, Frame caller)
        implements GlobalFunction, TemplateObject {

    @Override
    public Object call(CallContext context, Arguments args) {
        if (index + 1 >= chain.size()) {
            throw new TemplateRuntimeException("there is no parent block called '"
                    + chain.get(index).block().name() + "'.");
        }
        return executor.renderBlockAt(chain, index + 1, caller);
    }

    @Override
    public Object attribute(String name) {
        if (name.equals("super")) {
            return new SuperBlock(executor, chain, index + 1, caller);
        }
        return new dev.kida.engine.runtime.Undefined("'super' has no attribute '" + name + "'");
    }

    @Override
    public String toString() {
        return "<BlockReference '" + chain.get(index).block().name() + "'>";
    }
}
