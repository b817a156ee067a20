package dev.kida.engine.eval;

import dev.kida.engine.render.Frame;
import dev.kida.api.Filter;
import dev.kida.api.KidaException;
import dev.kida.api.Test;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Target;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.kida.KidaOps;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.UnknownCallable;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions to values. Missing names and attributes evaluate to {@link Undefined};
 * it is the operations on them (printing, arithmetic, iteration...) that raise, which is how
 * {@code is defined} and {@code default} get to see them.
 */
final class ExpressionEvaluator {
    /**
     * What an optional link ({@code ?.}, {@code ?[ ]}) that met None yields to the rest of its
     * chain: the accesses after it pass it on and the enclosing {@link Expr.OptionalChain} turns
     * it into None. It never leaves the chain.
     */
    private static final Object SKIPPED = new Object();

    private final Renderer r;

    ExpressionEvaluator(Renderer renderer) {
        this.r = renderer;
    }

    Object eval(Expr e, Frame f) {
        try {
            // An if-chain, not a pattern switch: that would link through SwitchBootstraps.typeSwitch,
            // which spins a class at its first use that no AOT cache keeps, a cost of every cold
            // start (docs/performance.md, "Cold start"). The order is the switch's; the final
            // throw stands in for its exhaustiveness check (every kind is run by the conformance corpus).
            if (e instanceof Expr.Literal l) {
                return l.value();
            }
            if (e instanceof Expr.Name n) {
                return name(n.name(), f);
            }
            if (e instanceof Expr.ListLit l) {
                return evalAll(l.items(), f);
            }
            if (e instanceof Expr.TupleLit t) {
                return Tuple.copyOf(evalAll(t.items(), f));
            }
            if (e instanceof Expr.DictLit d) {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (Expr.Entry en : d.entries()) {
                    Values.putKey(map, eval(en.key(), f), eval(en.value(), f));
                }
                return map;
            }
            if (e instanceof Expr.GetAttr g) {
                Object target = eval(g.target(), f);
                if (target == SKIPPED) {
                    return SKIPPED;
                }
                if (target instanceof Undefined u) {
                    return u.member();
                }
                return Values.getAttr(target, g.name());
            }
            if (e instanceof Expr.GetItem g) {
                return getItem(g, f);
            }
            if (e instanceof Expr.Slice) {
                throw new TemplateRuntimeException("slice outside of brackets");
            }
            if (e instanceof Expr.Unary u) {
                Object v = eval(u.operand(), f);
                return switch (u.op()) {
                    case NOT -> !Values.truthy(v);
                    case NEG -> Values.neg(v);
                    case POS -> Values.pos(v);
                };
            }
            if (e instanceof Expr.Binary b) {
                return binary(b, f);
            }
            if (e instanceof Expr.And a) {
                Object left = eval(a.left(), f);
                return Values.truthy(left) ? eval(a.right(), f) : left;
            }
            if (e instanceof Expr.Or o) {
                Object left = eval(o.left(), f);
                return Values.truthy(left) ? left : eval(o.right(), f);
            }
            if (e instanceof Expr.Compare c) {
                return compare(c, f);
            }
            if (e instanceof Expr.Conditional c) {
                if (Values.truthy(eval(c.test(), f))) {
                    return eval(c.then(), f);
                }
                return c.otherwise() != null ? eval(c.otherwise(), f)
                        : Undefined.lenient("the inline if-expression on line " + c.pos().line()
                        + " evaluated to false and no else section was defined.");
            }
            if (e instanceof Expr.Call c) {
                return call(c, f, null);
            }
            if (e instanceof Expr.Filter fl) {
                return applyFilter(fl, fl.value() == null ? null : eval(fl.value(), f), f);
            }
            if (e instanceof Expr.Test t) {
                return applyTest(t, f);
            }
            if (e instanceof Expr.Nullish n) {
                Object left = nullishOperand(n.left(), f);
                return KidaOps.isAbsent(left) ? eval(n.right(), f) : left;
            }
            if (e instanceof Expr.OptionalChain c) {
                Object v = eval(c.body(), f);
                return v == SKIPPED ? null : v;
            }
            if (e instanceof Expr.OptionalAttr a) {
                Object target = eval(a.target(), f);
                return target == SKIPPED || KidaOps.isAbsent(target) ? SKIPPED : KidaOps.attr(target, a.name());
            }
            if (e instanceof Expr.OptionalItem i) {
                Object target = eval(i.target(), f);
                return target == SKIPPED || KidaOps.isAbsent(target) ? SKIPPED
                        : KidaOps.item(target, eval(i.key(), f));
            }
            if (e instanceof Expr.OptionalFilter of) {
                Object v = eval(of.filter().value(), f);
                return v == null ? null : applyFilter(of.filter(), v, f);
            }
            if (e instanceof Expr.BlankNone b) {
                Object v = eval(b.value(), f);
                return v == null ? "" : v;
            }
            if (e instanceof Expr.RangeLit rl) {
                return KidaOps.range(eval(rl.start(), f), eval(rl.end(), f),
                        rl.step() == null ? null : eval(rl.step(), f), rl.inclusive());
            }
            if (e instanceof Expr.ListComp c) {
                return listComp(c, f);
            }
            throw new IllegalStateException("no evaluation for " + e.getClass().getSimpleName());
        } catch (KidaException ex) {
            throw r.locate(ex, e.pos());
        } catch (RuntimeException ex) {
            throw r.wrap(ex, e.pos());
        }
    }

    /**
     * The left operand of {@code ??}: attribute and item reads on an undefined value give that
     * undefined value instead of raising, so {@code a.b.c ?? x} falls back when {@code a} is
     * missing, as in Kida.
     */
    private Object nullishOperand(Expr e, Frame f) {
        switch (e) {
            case Expr.GetAttr g -> {
                Object target = nullishOperand(g.target(), f);
                if (target instanceof Undefined) {
                    return target;
                }
                try {
                    return Values.getAttr(target, g.name());
                } catch (KidaException ex) {
                    throw r.locate(ex, g.pos());
                } catch (RuntimeException ex) {
                    throw r.wrap(ex, g.pos());
                }
            }
            case Expr.GetItem g when !(g.key() instanceof Expr.Slice) -> {
                Object target = nullishOperand(g.target(), f);
                if (target instanceof Undefined) {
                    return target;
                }
                Object key = eval(g.key(), f);
                try {
                    return Values.getItem(target, key);
                } catch (KidaException ex) {
                    throw r.locate(ex, g.pos());
                } catch (RuntimeException ex) {
                    throw r.wrap(ex, g.pos());
                }
            }
            default -> {
                return eval(e, f);
            }
        }
    }

    /** {@code [element for target in iterable if condition]}: the target lives in a frame of its own. */
    private Object listComp(Expr.ListComp c, Frame f) {
        List<Object> items = Values.toList(eval(c.iterable(), f));
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            r.step();
            Frame inner = Frame.child(f);
            bind(c.target(), item, inner);
            if (c.condition() == null || Values.truthy(eval(c.condition(), inner))) {
                out.add(eval(c.element(), inner));
            }
        }
        return out;
    }

    /** Binds a comprehension target (a name or nested tuples of names) in its own frame. */
    private static void bind(Target target, Object value, Frame f) {
        switch (target) {
            case Target.Name n -> f.set(n.name(), value);
            case Target.Tuple t -> {
                List<Object> items = Args.unpack(value, t.items().size());
                for (int i = 0; i < items.size(); i++) {
                    bind(t.items().get(i), items.get(i), f);
                }
            }
            case Target.Attr a -> throw new IllegalStateException("the parser gives comprehensions no ns.attr targets");
        }
    }

    private Object name(String name, Frame f) {
        Object v = f.lookup(name);
        if (v instanceof Undefined && name.equals("self") && r.run != null) {
            return new SelfReference(r.statements, r.run, r.run.root);
        }
        return v;
    }

    private List<Object> evalAll(List<Expr> items, Frame f) {
        List<Object> out = new ArrayList<>(items.size());
        for (Expr item : items) {
            out.add(eval(item, f));
        }
        return out;
    }

    private Object getItem(Expr.GetItem g, Frame f) {
        Object target = eval(g.target(), f);
        if (target == SKIPPED) {
            return SKIPPED;
        }
        if (target instanceof Undefined u) {
            u.member();
        }
        if (g.key() instanceof Expr.Slice s) {
            return Values.slice(target, evalOptional(s.start(), f), evalOptional(s.stop(), f),
                    evalOptional(s.step(), f));
        }
        return Values.getItem(target, eval(g.key(), f));
    }

    private Object evalOptional(Expr e, Frame f) {
        return e == null ? null : eval(e, f);
    }

    private Object binary(Expr.Binary b, Frame f) {
        Object left = eval(b.left(), f);
        Object right = eval(b.right(), f);
        return switch (b.op()) {
            case ADD -> Values.add(left, right);
            case SUB -> Values.sub(left, right);
            case MUL -> Values.mul(left, right);
            case DIV -> Values.div(left, right);
            case FLOORDIV -> Values.floorDiv(left, right);
            case MOD -> Values.mod(left, right);
            case POW -> Values.pow(left, right);
            case CONCAT -> Values.concat(left, right, r.autoescape && !foldedToStr(b, left, right), r);
        };
    }

    /** Jinja2 folds an all-constant {@code ~} to a plain str, Markup operands or not. */
    private static boolean foldedToStr(Expr.Binary b, Object left, Object right) {
        return (left instanceof dev.kida.api.HtmlSafe || right instanceof dev.kida.api.HtmlSafe)
                && ConstantExpr.isConstant(b);
    }

    private Object compare(Expr.Compare c, Frame f) {
        Object left = eval(c.first(), f);
        for (Expr.Operand op : c.rest()) {
            Object right = eval(op.expr(), f);
            boolean ok = switch (op.op()) {
                case EQ -> Values.eq(left, right);
                case NE -> !Values.eq(left, right);
                case LT -> Values.compare(left, right, "<");
                case LE -> Values.compare(left, right, "<=");
                case GT -> Values.compare(left, right, ">");
                case GE -> Values.compare(left, right, ">=");
                case IN -> Values.contains(right, left);
                case NOT_IN -> !Values.contains(right, left);
            };
            if (!ok) {
                return false;
            }
            left = right;
        }
        return true;
    }

    /** Evaluates a call; {@code caller}, when not null, is passed as the keyword {@code caller}. */
    Object call(Expr.Call c, Frame f, Macro caller) {
        return invoke(eval(c.callee(), f), c, f, caller);
    }

    /**
     * Calls an already evaluated callee with the arguments of {@code c}; {@code caller}, when not
     * null, is passed as the keyword {@code caller}.
     */
    Object invoke(Object callee, Expr.Call c, Frame f, Object caller) {
        if (callee == SKIPPED) {
            return SKIPPED;
        }
        if (callee instanceof Undefined u) {
            throw u.fail();
        }
        Args args = arguments(c.args(), c.kwargs(), c.starArgs(), c.starKwargs(), f);
        if (caller != null) {
            args.keywords().put("caller", caller);
        }
        Frame saved = r.frame;
        r.frame = f;
        try {
            return Values.call(callee, r, args);
        } finally {
            r.frame = saved;
        }
    }

    private Args arguments(List<Expr> positional, List<Expr.Keyword> keywords, Expr starArgs,
                           Expr starKwargs, Frame f) {
        List<Object> values = evalAll(positional, f);
        if (starArgs != null) {
            values.addAll(Values.toList(eval(starArgs, f)));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Expr.Keyword k : keywords) {
            named.put(k.name(), eval(k.value(), f));
        }
        if (starKwargs != null) {
            Args.spreadKeywords(named, eval(starKwargs, f));
        }
        return new Args(values, named);
    }

    Object applyFilter(Expr.Filter fl, Object value, Frame f) {
        Filter filter = r.engine.filter(fl.name());
        if (filter == null) {
            // Only reached in a branch of an if or a conditional expression: elsewhere the load-time
            // check already failed. Jinja2 defers those to a runtime error.
            throw UnknownCallable.filter(fl.name());
        }
        Args args = arguments(fl.args(), fl.kwargs(), fl.starArgs(), fl.starKwargs(), f);
        Frame saved = r.frame;
        r.frame = f;
        try {
            return filter.apply(r, value, args);
        } finally {
            r.frame = saved;
        }
    }

    private Object applyTest(Expr.Test t, Frame f) {
        // Operands first, as the code Jinja2 generates does: an error in them wins over a test
        // name the environment lacks (the compiled backend evaluates in the same order).
        Object value = eval(t.value(), f);
        Args args = arguments(t.args(), t.kwargs(), null, null, f);
        Test test = r.engine.test(t.name());
        if (test == null) {
            throw UnknownCallable.test(t.name());
        }
        Frame saved = r.frame;
        r.frame = f;
        try {
            return test.test(r, value, args) != t.negated();
        } finally {
            r.frame = saved;
        }
    }
}
