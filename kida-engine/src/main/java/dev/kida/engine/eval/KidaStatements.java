package dev.kida.engine.eval;

import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;
import dev.kida.api.KidaException;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.UndefinedException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pattern;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.kida.FragmentCache;
import dev.kida.engine.runtime.kida.Spaceless;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.Values;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluator's side of Kida's block statements ({@link Stmt.KidaBlock}). The rules shared with
 * compiled code (let's scope, pattern matching, the while bound, which errors {@code try} catches)
 * are public static methods here, which the compiler's generated code calls too.
 */
public final class KidaStatements {
    /**
     * A {@code while} stops with an error after this many iterations: a template must never hang
     * the render thread.
     */
    public static final int MAX_WHILE_ITERATIONS = 1_000_000;

    private final Renderer r;

    KidaStatements(Renderer renderer) {
        this.r = renderer;
    }

    int exec(Stmt.KidaBlock s, Frame f) {
        StatementExecutor st = r.statements;
        return switch (s) {
            case Stmt.While w -> {
                int n = 0;
                while (Values.truthy(r.expressions.eval(w.test(), f))) {
                    r.step();
                    checkWhile(++n);
                    int signal = st.execBody(w.body(), Frame.child(f));
                    if (signal == StatementExecutor.BREAK) {
                        break;
                    }
                }
                yield StatementExecutor.NORMAL;
            }
            case Stmt.Match m -> match(m, f);
            case Stmt.Let l -> {
                for (Stmt.Binding b : l.bindings()) {
                    if (b.nullish() && !isNullish(f.lookup(((Target.Name) b.target()).name()))) {
                        continue;
                    }
                    Object value = r.expressions.eval(b.value(), f);
                    if (l.templateScope()) {
                        let(r, b.target(), value, f);
                    } else {
                        st.assign(b.target(), value, f);
                    }
                }
                yield StatementExecutor.NORMAL;
            }
            case Stmt.Try t -> tryFallback(t, f);
            case Stmt.WithIf w -> withIf(w, f);
            case Stmt.Capture c -> {
                String text = r.captureInline(c.body(), Frame.child(f), false);
                if (text == null) {
                    yield r.abandonedBy;
                }
                bindLet(r, c.name(), r.captured(text), f);
                yield StatementExecutor.NORMAL;
            }
            case Stmt.Cache c -> cache(c, f);
            case Stmt.Spaceless sp -> {
                String text = r.captureInline(sp.body(), Frame.child(f), true);
                if (text == null) {
                    yield r.abandonedBy;
                }
                if (!r.discarding) {
                    r.out.append(Spaceless.apply(text));
                }
                yield StatementExecutor.NORMAL;
            }
            case Stmt.Flush fl -> {
                r.flush();
                yield StatementExecutor.NORMAL;
            }
            case Stmt.TemplateDecl d -> StatementExecutor.NORMAL;
            case Stmt.Globals g -> {
                // setup only: bindings land in this (top-level) scope, output is dropped
                r.capture(g.body(), f, true);
                yield StatementExecutor.NORMAL;
            }
        };
    }

    // ---- rules shared with compiled code ------------------------------------------------------

    /** Whether {@code ??=} assigns over this value: None or undefined. */
    public static boolean isNullish(Object value) {
        // the same absence ?? tests, defined once
        return dev.kida.engine.runtime.kida.KidaOps.isAbsent(value);
    }

    /** Binds a let/export/promote target in the scope {@link Frame#letTarget()} gives. */
    public static void let(RenderState r, Target target, Object value, Frame f) {
        switch (target) {
            case Target.Name n -> bindLet(r, n.name(), value, f);
            case Target.Tuple t -> {
                List<Object> items = Args.unpack(value, t.items().size());
                for (int i = 0; i < items.size(); i++) {
                    let(r, t.items().get(i), items.get(i), f);
                }
            }
            case Target.Attr a -> throw new TemplateRuntimeException("let cannot assign an attribute");
        }
    }

    /** Binds one name as {@code let} does, from frame {@code f}. */
    public static void bindLet(RenderState state, String name, Object value, Frame f) {
        Frame target = f.letTarget();
        target.set(name, value);
        InheritanceChain run = Renderer.of(state).run;
        if (target == run.root) {
            run.export(name);
        }
    }

    /** Fails a while loop that runs away (iteration {@code n}, counted from 1). */
    public static void checkWhile(int n) {
        if (n > MAX_WHILE_ITERATIONS) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "while loop ran more than " + MAX_WHILE_ITERATIONS
                    + " iterations; is its condition ever false?");
        }
    }

    /** A match subject: an undefined one is an error, as soon as the match starts. */
    public static Object subject(Object value) {
        if (value instanceof Undefined u && !u.lenient()) {
            throw u.fail();
        }
        if (value instanceof Tuple t) {
            for (Object item : t) {
                subject(item);
            }
        }
        return value;
    }

    /**
     * The items of a match subject for a sequence pattern of {@code n} items, or null when it is not
     * a list or tuple of that length.
     */
    public static List<?> sequenceOf(Object subject, int n) {
        if (subject instanceof List<?> list && !(subject instanceof CharSequence) && list.size() == n) {
            return list;
        }
        return null;
    }

    /**
     * Whether a value pattern matches: {@code ==}, or, in a valueless match (no subject), the
     * value's truth.
     */
    public static boolean valueMatches(boolean valueless, Object subject, Object value) {
        return valueless ? Values.truthy(value) : Values.eq(subject, value);
    }

    /**
     * Whether {@code try} catches this error (kida-semantics.md, section 8): Kida's handler names
     * UndefinedError, TypeError, TemplateRuntimeError and ValueError, so their Python subclasses
     * are caught too (Kida's RequiredValueError). Everything else passes through: a missing
     * template, a division by zero, the other Python errors Jinja2's rules raise, the engine's
     * limits, and a security error: Jinja2's SecurityError is a TemplateRuntimeError, but Kida has
     * no sandbox, and a refused access must not be hidden behind a fallback.
     */
    public static boolean catchable(KidaException e) {
        if (e instanceof UndefinedException || e instanceof TemplateTypeException) {
            return true;
        }
        return e instanceof TemplateRuntimeException r && CAUGHT.contains(r.kind());
    }

    private static final Set<RuntimeErrorKind> CAUGHT = EnumSet.of(RuntimeErrorKind.TEMPLATE_RUNTIME_ERROR,
            RuntimeErrorKind.REQUIRED_VALUE_ERROR, RuntimeErrorKind.VALUE_ERROR);

    /**
     * The name of the Python exception class Kida would raise for this error: {@code err.type} in a
     * {@code fallback err} body. A runtime error states its class where it is raised
     * ({@link TemplateRuntimeException#kind()}); the others are told by their Java class.
     */
    public static String errorType(KidaException e) {
        if (e instanceof UndefinedException) {
            return "UndefinedError";
        }
        if (e instanceof TemplateTypeException) {
            return "TypeError";
        }
        if (e instanceof TemplateNotFoundException) {
            return "TemplateNotFound";
        }
        if (e instanceof TemplateSyntaxException) {
            return "TemplateSyntaxError";
        }
        if (e instanceof TemplateRuntimeException r) {
            return r.kind().pythonName();
        }
        return RuntimeErrorKind.TEMPLATE_RUNTIME_ERROR.pythonName();
    }

    /** The mapping {@code fallback err} binds, its keys in Kida's order (iterating it shows them). */
    public static Map<String, Object> errorInfo(KidaException e) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("message", e.detail());
        info.put("type", errorType(e));
        info.put("template", e.templateName());
        info.put("line", (long) e.line());
        return info;
    }

    // ---- evaluator ------------------------------------------------------------------------

    private int match(Stmt.Match m, Frame f) {
        boolean valueless = m.subject() == null;
        Object subject = valueless ? null : subject(r.expressions.eval(m.subject(), f));
        for (Stmt.Case c : m.cases()) {
            Frame scope = Frame.child(f);
            if (matches(c.pattern(), valueless, subject, scope)
                    && (c.guard() == null || Values.truthy(r.expressions.eval(c.guard(), scope)))) {
                return r.statements.execBody(c.body(), scope);
            }
        }
        return StatementExecutor.NORMAL;
    }

    private boolean matches(Pattern p, boolean valueless, Object subject, Frame scope) {
        return switch (p) {
            case Pattern.Wildcard w -> true;
            case Pattern.Capture c -> {
                scope.set(c.name(), subject);
                yield true;
            }
            case Pattern.Value v -> valueMatches(valueless, subject, r.expressions.eval(v.expr(), scope));
            case Pattern.Sequence s -> {
                List<?> items = sequenceOf(subject, s.items().size());
                if (items == null) {
                    yield false;
                }
                for (int i = 0; i < items.size(); i++) {
                    if (!matches(s.items().get(i), false, items.get(i), scope)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /** Runs the body into a buffer: its output reaches the page only if it raises nothing catchable. */
    private int tryFallback(Stmt.Try t, Frame f) {
        Output saved = r.out;
        r.out = new StringOutput();
        int signal;
        String text;
        try {
            signal = r.statements.execBody(t.body(), Frame.child(f));
            text = r.out.toString();
        } catch (KidaException e) {
            if (!catchable(e)) {
                throw e;
            }
            r.out = saved;
            Frame scope = Frame.child(f);
            if (t.errorName() != null) {
                scope.set(t.errorName(), errorInfo(e));
            }
            return r.statements.execBody(t.fallback(), scope);
        } finally {
            r.out = saved;
        }
        r.out.append(text);
        return signal;
    }

    private int withIf(Stmt.WithIf w, Frame f) {
        Object[] values = new Object[w.values().size()];
        boolean all = true;
        for (int i = 0; i < values.length; i++) {
            Expr e = w.values().get(i);
            values[i] = r.expressions.eval(e, f);
            if (values[i] instanceof Undefined u && !u.lenient()) {
                throw r.locate(u.fail(), e.pos());
            }
            all &= Values.truthy(values[i]);
        }
        Frame scope = Frame.child(f);
        if (!all) {
            return r.statements.execBody(w.orElse(), scope);
        }
        if (w.names().isEmpty()) {
            scope.set("it", values.length == 1 ? values[0] : Tuple.of(values));
        } else {
            for (int i = 0; i < values.length; i++) {
                scope.set(w.names().get(i), values[i]);
            }
        }
        return r.statements.execBody(w.body(), scope);
    }

    /**
     * Renders or reuses a cache block; returns how control left it (a loop's break abandons it
     * uncached). As in Kida, the ttl is evaluated only on a miss, after the body: a hit never
     * looks at it.
     */
    private int cache(Stmt.Cache c, Frame f) {
        String key = Values.str(r.expressions.eval(c.key(), f));
        FragmentCache cache = r.engine.fragmentCache();
        String text = cache.get(key);
        if (text == null) {
            text = r.captureInline(c.body(), Frame.child(f), true);
            if (text == null) {
                return r.abandonedBy;
            }
            long ttlNanos = c.ttl() == null ? FragmentCache.NO_TTL
                    : FragmentCache.parseTtl(r.expressions.eval(c.ttl(), f));
            cache.put(key, text, ttlNanos);
        }
        if (!r.discarding) {
            r.out.append(text);
        }
        return StatementExecutor.NORMAL;
    }
}
