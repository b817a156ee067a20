package dev.kida.engine.eval;

import dev.kida.engine.render.Frame;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;

import java.util.List;

/**
 * {@code super} inside a block: calling it renders the definition at {@code index} of the chain;
 * {@code super.super()} goes one level further.
 */
record SuperBlock(StatementExecutor executor, List<Renderer.BlockDef> chain, int index, Frame base)
        implements GlobalFunction, TemplateObject {

    /** The reference to the definition at {@code index}, or an undefined when the chain ends before. */
    static Object at(StatementExecutor executor, List<Renderer.BlockDef> chain, int index, Frame base) {
        if (index >= chain.size()) {
            return new Undefined("there is no parent block called '" + chain.getFirst().block().name() + "'.");
        }
        return new SuperBlock(executor, chain, index, base);
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        return executor.renderBlockAt(chain, index, base);
    }

    @Override
    public Object attribute(String name) {
        if (name.equals("super")) {
            return at(executor, chain, index + 1, base);
        }
        return MISSING;
    }

    @Override
    public String toString() {
        return "<BlockReference '" + chain.get(index).block().name() + "'>";
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.runtime.BlockReference";
    }
}
