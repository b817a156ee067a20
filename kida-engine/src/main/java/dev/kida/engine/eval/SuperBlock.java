package dev.kida.engine.eval;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.TemplateRuntimeException;

import java.util.List;

/** {@code super()} inside a block: renders the next definition of the block up the chain. */
record SuperBlock(StatementExecutor executor, List<Renderer.BlockDef> chain, int index, Frame caller)
        implements GlobalFunction {

    @Override
    public Object call(CallContext context, Arguments args) {
        if (index + 1 >= chain.size()) {
            throw new TemplateRuntimeException("there is no parent block called '"
                    + chain.get(index).block().name() + "'.");
        }
        return executor.renderBlockAt(chain, index + 1, caller);
    }
}
