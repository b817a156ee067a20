package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledCode;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.render.Frame;
import dev.kida.api.KidaException;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.objects.Namespace;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/** Runs statements. Each method returns how control leaves it: normally, by break or continue. */
public final class StatementExecutor {
    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;

    private final Renderer r;
    // made at first use: most renders run neither kind of statement (allocation per render)
    private KidaStatements kida;
    private FunctionStatements functions;

    StatementExecutor(Renderer renderer) {
        this.r = renderer;
    }

    private KidaStatements kida() {
        KidaStatements k = kida;
        return k != null ? k : (kida = new KidaStatements(r));
    }

    private FunctionStatements functions() {
        FunctionStatements fs = functions;
        return fs != null ? fs : (functions = new FunctionStatements(r, this));
    }


    /**
     * The {@code caller} a call block hands its callee: a def, or a body with slot fills, gets
     * Kida's slots; a Jinja2 macro keeps Jinja2's caller (which takes arguments, not slot names).
     * With {@code code}, the bodies are compiled ones: {@code ids[0]} the call body's, then one
     * per slot fill ({@link SlotCaller#of(List, Frame, Renderer, Compiled, int[])}).
     */
    public Object caller(Stmt.CallBlock c, Object callee, Frame f, Compiled code, int[] ids) {
        return c.callerParams().isEmpty() && (callee instanceof DefFunction || FunctionStatements.fillsSlots(c.body()))
                ? SlotCaller.of(c.body(), f, r, code, ids)
                : new Macro(r, null, c.callerParams(), c.body(), f, r.unit, r.autoescape, code, ids == null ? -1 : ids[0]);
    }

    int execBody(List<Stmt> body, Frame f) {
        for (int i = 0, n = body.size(); i < n; i++) {
            int signal = exec(body.get(i), f);
            if (signal != NORMAL) {
                return signal;
            }
        }
        return NORMAL;
    }

    public int exec(Stmt s, Frame f) {
        try {
            // An if-chain, not a pattern switch: that would link through SwitchBootstraps.typeSwitch,
            // which spins a class at its first use that no AOT cache keeps, a cost of every cold
            // start (docs/performance.md, "Cold start"). The order is the switch's; the final
            // throw stands in for its exhaustiveness check (every kind is run by the conformance corpus).
            if (s instanceof Stmt.Text t) {
                if (!r.discarding) {
                    r.out.append(t.text());
                }
                return NORMAL;
            }
            if (s instanceof Stmt.Print p) {
                if (r.discarding) {
                    return NORMAL;
                }
                Object value = r.expressions.eval(p.expr(), f);
                try {
                    if (r.engine.finalizer() != null) {
                        r.printFinalized(value, ConstantExpr.isConstant(p.expr()));
                    } else {
                        r.print(value);
                    }
                } catch (KidaException e) {
                    // An undefined value fails only when printed: point at the expression.
                    throw r.locate(e, p.expr().pos());
                }
                return NORMAL;
            }
            if (s instanceof Stmt.If i) {
                return execIf(i, f);
            }
            if (s instanceof Stmt.For fo) {
                return new LoopRunner(r, fo, f).run();
            }
            if (s instanceof Stmt.Set st) {
                assign(st.target(), r.expressions.eval(st.value(), f), f);
                return NORMAL;
            }
            if (s instanceof Stmt.SetBlock sb) {
                // The body is a scope of its own: assignments inside stay there.
                Frame body = Frame.child(f);
                if (sb.target() instanceof Target.Name n && !f.hasLocal(n.name())
                        && !r.unit.facts().resolvesOutside(sb)) {
                    // Jinja2 makes the target a variable of this scope before the body runs, so
                    // inside the body it names that not-yet-assigned variable, not the context's.
                    body.set(n.name(), Undefined.name(n.name()));
                }
                String text = r.captureInline(sb.body(), body, false);
                if (text == null) {
                    return r.abandonedBy;
                }
                Object value = r.captured(text);
                for (Expr.Filter filter : sb.filters()) {
                    value = r.expressions.applyFilter(filter, value, f);
                }
                assign(sb.target(), value, f);
                return NORMAL;
            }
            if (s instanceof Stmt.With w) {
                Frame inner = Frame.child(f);
                for (Stmt.Assignment a : w.assignments()) {
                    assign(a.target(), r.expressions.eval(a.value(), f), inner);
                }
                return execBody(w.body(), inner);
            }
            if (s instanceof Stmt.Macro m) {
                r.run.export(m.name());
                f.set(m.name(), new Macro(r, m.name(), m.params(), m.body(), f, r.unit, r.autoescape));
                return NORMAL;
            }
            if (s instanceof Stmt.CallBlock c) {
                Object callee = r.expressions.eval(c.call().callee(), f);
                r.print(r.expressions.invoke(callee, c.call(), f, caller(c, callee, f, null, null)));
                return NORMAL;
            }
            if (s instanceof Stmt.FilterBlock fb) {
                Frame inner = Frame.child(f);
                String rendered = r.captureInline(fb.body(), inner, true);
                if (rendered == null) {
                    return r.abandonedBy;
                }
                Object value = r.captured(rendered);
                for (Expr.Filter filter : fb.filters()) {
                    value = r.expressions.applyFilter(filter, value, inner);
                }
                // Jinja2 writes the result as it is, unescaped, and only a string can be written.
                if (!(value instanceof CharSequence text)) {
                    throw new TemplateTypeException("sequence item 0: expected str instance, "
                            + Values.typeName(value) + " found");
                }
                r.out.append(text.toString());
                return NORMAL;
            }
            if (s instanceof Stmt.Include inc) {
                include(inc, f);
                return NORMAL;
            }
            if (s instanceof Stmt.Import imp) {
                f.set(imp.alias(), importModule(imp.template(), imp.withContext(), f));
                imported(imp.alias(), f);
                return NORMAL;
            }
            if (s instanceof Stmt.FromImport fi) {
                fromImport(fi, f);
                return NORMAL;
            }
            if (s instanceof Stmt.Extends ex) {
                extend(ex, f);
                return NORMAL;
            }
            if (s instanceof Stmt.Block b) {
                if (r.unit.rendersInPlace(b, r.run.parent != null)) {
                    renderBlock(b, f);
                }
                return NORMAL;
            }
            if (s instanceof Stmt.Autoescape a) {
                boolean saved = r.autoescape;
                r.autoescape = Values.truthy(r.expressions.eval(a.enabled(), f));
                try {
                    // Like Jinja2, the block is a scope: assignments inside do not leak.
                    return execBody(a.body(), Frame.child(f));
                } finally {
                    r.autoescape = saved;
                }
            }
            if (s instanceof Stmt.Do d) {
                r.expressions.eval(d.expr(), f);
                return NORMAL;
            }
            if (s instanceof Stmt.Break) {
                return BREAK;
            }
            if (s instanceof Stmt.Continue) {
                return CONTINUE;
            }
            if (s instanceof Stmt.KidaBlock k) {
                return kida().exec(k, f);
            }
            if (s instanceof Stmt.KidaFunction k) {
                return functions().exec(k, f);
            }
            throw new IllegalStateException("no execution for " + s.getClass().getSimpleName());
        } catch (KidaException e) {
            throw r.locate(e, s.pos());
        } catch (RuntimeException e) {
            throw r.wrap(e, s.pos());
        }
    }

    private int execIf(Stmt.If i, Frame f) {
        for (Stmt.Branch b : i.branches()) {
            if (Values.truthy(r.expressions.eval(b.test(), f))) {
                return execBody(b.body(), f);
            }
        }
        return execBody(i.orElse(), f);
    }

    /** Binds a value to an assignment target in frame {@code f}. */
    public void assign(Target target, Object value, Frame f) {
        // not a pattern switch (see exec)
        if (target instanceof Target.Name n) {
            f.set(n.name(), value);
            if (f == r.run.root) {
                r.run.export(n.name());
            }
        } else if (target instanceof Target.Tuple t) {
            List<Object> items = Args.unpack(value, t.items().size());
            for (int i = 0; i < items.size(); i++) {
                assign(t.items().get(i), items.get(i), f);
            }
        } else if (target instanceof Target.Attr a) {
            Namespace.assign(f.lookup(a.name()), a.attr(), value);
        } else {
            throw new IllegalStateException("no assignment to " + target.getClass().getSimpleName());
        }
    }

    // ---- inheritance ----------------------------------------------------------------------------

    private void extend(Stmt.Extends ex, Frame f) {
        if (r.run.parent != null) {
            throw new TemplateRuntimeException("extended multiple times");
        }
        Object name = r.expressions.eval(ex.template(), f);
        r.run.parent = loadNamed(name);
        // Jinja2 runs the rest of an extending template for its assignments only: the parent's
        // layout decides what is printed.
        r.discarding = true;
    }

    public void renderBlock(Stmt.Block b, Frame f) {
        String replacement = r.run.overrides.get(b.name());
        if (replacement != null) {
            r.out.append(replacement);
            return;
        }
        List<Renderer.BlockDef> chain = r.run.blocks.get(b.name());
        if (b.required() && chain.size() <= 1) {
            throw new TemplateRuntimeException("Required block '" + b.name() + "' not found");
        }
        // Whether the block sees the local variables is decided where it is rendered, whichever
        // template's definition runs. Printing the captured block would write its text unchanged
        // (Markup under autoescape, a raw string otherwise), so it writes straight into the output.
        runBlock(chain, 0, b.scoped() ? f : r.run.root, true);
    }

    /**
     * Renders the block definition at {@code index} of the chain (0 = most derived) over
     * {@code base} and returns its output as Markup or string. {@code super()} inside it renders
     * index + 1 over the same base.
     */
    Object renderBlockAt(List<Renderer.BlockDef> chain, int index, Frame base) {
        return runBlock(chain, index, base, false);
    }

    /** As {@link #renderBlockAt(List, int, Frame)}, writing straight into the output when {@code direct}. */
    Object renderBlockAt(List<Renderer.BlockDef> chain, int index, Frame base, boolean direct) {
        return runBlock(chain, index, base, direct);
    }

    /**
     * Runs the statements of a template body that {@code renderBlock} needs before the block: the
     * definitions and bindings a block may use ({@code extends} too, to find the parent); text,
     * output and every other statement are skipped.
     */
    void setup(List<Stmt> body, Frame f) {
        for (Stmt s : body) {
            if (isSetup(s)) {
                exec(s, f);
            }
        }
    }

    private static boolean isSetup(Stmt s) {
        // not a pattern switch (see exec)
        if (s instanceof Stmt.Let l) {
            return l.templateScope();
        }
        return s instanceof Stmt.Macro || s instanceof Stmt.Def || s instanceof Stmt.Globals || s instanceof Stmt.Region
                || s instanceof Stmt.Import || s instanceof Stmt.FromImport || s instanceof Stmt.Extends;
    }

    /**
     * Runs the block definition at {@code index} of the chain over {@code base}: into the current
     * output when {@code direct} (returns null, and writes even after {@code extends}, as a
     * captured block does), else captured (returns its output as Markup or string).
     */
    private Object runBlock(List<Renderer.BlockDef> chain, int index, Frame base, boolean direct) {
        Renderer.BlockDef def = chain.get(index);
        Stmt.Block block = def.block();
        Frame frame = Frame.child(base);
        frame.set("super", SuperBlock.at(this, chain, index + 1, base));
        PreparedTemplate saved = r.unit;
        boolean savedEscape = r.autoescape;
        r.unit = def.unit();
        // Jinja2 compiles a block as a function of its own, with the template's autoescape
        // setting: an autoescape tag around the block does not reach inside it
        r.autoescape = def.unit().autoescape();
        r.enter();
        try {
            return r.onEnoughStack(() -> runBlockBody(def, block, frame, direct));
        } finally {
            r.leave();
            r.unit = saved;
            r.autoescape = savedEscape;
        }
    }

    private Object runBlockBody(Renderer.BlockDef def, Stmt.Block block, Frame frame, boolean direct) {
        {
            Compiled code = def.unit().compilation().compiled();
            // an embed's override is not a block of its template: it has no compiled body of its own
            Integer id = code == null || def.unit().blocks().get(block.name()) != block ? null
                    : code.blocks().get(block.name());
            if (direct) {
                boolean savedDiscarding = r.discarding;
                r.discarding = false;
                try {
                    if (id != null) {
                        code.code().run(id, r, frame);
                    } else {
                        execBody(block.body(), frame);
                    }
                } finally {
                    r.discarding = savedDiscarding;
                }
                return null;
            }
            String text = id != null ? r.capture(code, id, frame) : r.capture(block.body(), frame);
            return r.captured(text);
        }
    }

    // ---- include and import ---------------------------------------------------------------------

    /**
     * {@code embed}: renders the template as an include with context, with the embed's blocks put
     * in front of the template's own; their bodies run over the embedding scope.
     */
    void embed(Stmt.Embed e, Frame f) {
        PreparedTemplate template = loadNamed(r.expressions.eval(e.template(), f));
        List<Renderer.BlockDef> overrides = new ArrayList<>();
        for (Stmt.Block b : r.unit.facts().embedBlocks(e)) {
            overrides.add(new Renderer.BlockDef(b, r.unit));
        }
        r.embedOverrides(overrides);
        r.runTemplate(template, Frame.templateRoot(f));
    }

    private void include(Stmt.Include inc, Frame f) {
        Object spec = r.expressions.eval(inc.template(), f);
        PreparedTemplate template;
        try {
            template = loadTemplate(spec);
        } catch (TemplateNotFoundException e) {
            if (inc.ignoreMissing()) {
                return;
            }
            throw e;
        }
        Frame root = Frame.templateRoot(inc.withContext() ? f : r.globalsFrame());
        r.runTemplate(template, root);
    }

    private TemplateModule importModule(Expr templateExpr, boolean withContext, Frame f) {
        Object spec = r.expressions.eval(templateExpr, f);
        if (spec instanceof TemplateModule m) {
            return m;
        }
        PreparedTemplate template = loadNamed(spec);
        Frame root = Frame.templateRoot(withContext ? Frame.snapshot(f, r.globalsFrame()) : r.globalsFrame());
        Output saved = r.out;
        r.out = new StringOutput();
        InheritanceChain run;
        r.importing++;
        try {
            run = r.runTemplate(template, root);
            return new TemplateModule(template.name(), root.own(), run.unexported(), r.out.toString());
        } finally {
            r.importing--;
            r.out = saved;
        }
    }

    private void fromImport(Stmt.FromImport fi, Frame f) {
        TemplateModule module = importModule(fi.template(), fi.withContext(), f);
        for (Stmt.ImportName name : fi.names()) {
            Object value = module.exported(name.name());
            if (value == null) {
                value = new Undefined("the template '" + module.name() + "' (imported on line "
                        + fi.pos().line() + ") does not export the requested name '" + name.name() + "'");
            }
            f.set(name.alias(), value);
            imported(name.alias(), f);
        }
    }

    /** Names an import binds at template level are not exported when the template is imported. */
    private void imported(String name, Frame f) {
        if (f == r.run.root) {
            r.run.unexport(name);
        }
    }

    /**
     * Loads a template as {@code include} does: a name, or a list of names (the first that
     * exists).
     */
    PreparedTemplate loadTemplate(Object spec) {
        if (spec instanceof List<?> || spec instanceof Object[]) {
            List<Object> names = Values.toList(spec);
            if (names.isEmpty()) {
                throw new TemplateNotFoundException("Tried to select from an empty list of templates.");
            }
            List<String> tried = new ArrayList<>();
            for (Object n : names) {
                try {
                    return loadNamed(n);
                } catch (TemplateNotFoundException e) {
                    tried.add(Values.str(n));
                }
            }
            throw new TemplateNotFoundException("none of the templates given were found: " + tried);
        }
        if (spec instanceof Undefined || spec instanceof CharSequence || !Values.truthy(spec)) {
            return loadNamed(spec);
        }
        // Jinja2 iterates anything else as a list of names.
        throw new TemplateTypeException("'" + Values.typeName(spec) + "' object is not iterable");
    }

    /**
     * Loads a template as {@code extends} and {@code import} do: by one name. Jinja2 looks any
     * hashable value up as a name (and finds none); a list or dict cannot be a name at all.
     */
    PreparedTemplate loadNamed(Object spec) {
        // not a pattern switch (see exec)
        if (spec instanceof CharSequence name) {
            return r.engine.load(name.toString());
        }
        if (spec == null) {
            throw new TemplateNotFoundException("None");
        }
        if (spec instanceof Undefined u) {
            throw u.fail();
        }
        dev.kida.engine.runtime.value.PyTypes.requireHashable(spec);
        throw new TemplateNotFoundException(Values.str(spec));
    }
}
