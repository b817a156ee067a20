package dev.kida.engine.eval;

import dev.kida.engine.render.Frame;
import dev.kida.api.GlobalFunction;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;

import java.util.List;

/** {@code self}: each block of the template being rendered, callable by name. */
record SelfReference(StatementExecutor executor, InheritanceChain run, Frame frame) implements TemplateObject {

    @Override
    public Object attribute(String name) {
        List<Renderer.BlockDef> chain = run.blocks.get(name);
        if (chain == null) {
            return MISSING;
        }
        return (GlobalFunction) (ctx, args) -> executor.renderBlockAt(chain, 0, frame);
    }

    /** Jinja2's repr, naming the template the render (or include, or import) started with. */
    @Override
    public String toString() {
        return "<TemplateReference " + PyRepr.repr(run.name) + ">";
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.runtime.TemplateReference";
    }
}
