package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.core.Compiled;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static dev.kida.compiler.Descriptors.CD_LONG;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Where names live: the stack of {@link Scope}s, innermost first; loading a name (through the
 * local scopes, then the innermost Frame, as the evaluator looks it up) and assigning a target.
 */
final class Variables extends BodyPart {
    private final ArrayDeque<Scope> scopes = new ArrayDeque<>();

    Variables(BodyCompiler body) {
        super(body);
    }

    /**
     * Once its def statement has run in this method: {@link TemplateCompiler#unobservedDef}, the
     * local of its closure frame (the template's root frame), its body id and whether that takes
     * its parameters in locals; else null.
     */
    private Stmt.Def unobserved;
    private int unobservedFrame;
    private int unobservedBody;
    private boolean unobservedLocals;

    /** Whether this method's code past the def statement of {@code name} (the unobserved def) is being compiled. */
    boolean afterUnobservedDef(String name) {
        return unobserved != null && unobserved.name().equals(name);
    }

    /** The def statement of {@link TemplateCompiler#unobservedDef} ran, closing over the frame in local {@code frame}. */
    void unobservedDef(Stmt.Def d, int frame, int bodyId, boolean locals) {
        unobserved = d;
        unobservedFrame = frame;
        unobservedBody = bodyId;
        unobservedLocals = locals;
    }

    /**
     * Pushes the unobserved def's function, made here as its def statement would have made it
     * ({@link CompiledHelpers#unobservedDef}), or ({@code inlinableThroughout}) that of
     * {@link CompiledHelpers#inlinableThroughout}.
     */
    void unobservedFunction(boolean inlinableThroughout) {
        cb.aload(R).ldc(constants.pooled(tc.constant(unobserved, TemplateCompiler.cd(Stmt.Def.class))))
                .aload(unobservedFrame);
        tc.loadHolder(cb).loadConstant(unobservedBody);
        if (inlinableThroughout) {
            cb.invokestatic(CD_HELPERS, "inlinableThroughout", MethodTypeDesc.of(CD_Object, CD_STATE,
                    TemplateCompiler.cd(Stmt.Def.class), CD_FRAME, TemplateCompiler.cd(Compiled[].class), CD_int));
        } else {
            cb.loadConstant(unobservedLocals ? 1 : 0).invokestatic(CD_HELPERS, "unobservedDef",
                    MethodTypeDesc.of(CD_Object, CD_STATE, TemplateCompiler.cd(Stmt.Def.class), CD_FRAME,
                            TemplateCompiler.cd(Compiled[].class), CD_int, ConstantDescs.CD_boolean));
        }
    }

    void push(Scope scope) {
        scopes.push(scope);
    }

    void pop() {
        scopes.pop();
    }

    /** The innermost scope. */
    Scope current() {
        return scopes.peek();
    }

    /** Takes the stack away (an inlined def body has scopes of its own); see {@link #attach}. */
    List<Scope> detach() {
        return takeAll(scopes);
    }

    void attach(List<Scope> saved) {
        refill(scopes, saved);
    }

    /** The slot of the innermost Frame. */
    int innermostFrame() {
        for (Scope s : scopes) {
            if (!s.local) {
                return s.frameSlot;
            }
        }
        throw new IllegalStateException("no frame");
    }

    /**
     * The scope of a nested body run in place (try, fallback, with, capture, spaceless): in JVM
     * locals unless something in the body needs a Frame; {@code definite} are the names bound on
     * entry, the body's own assignments are declared as maybe-bound.
     */
    Scope scopeFor(List<Stmt> body, Set<String> definite) {
        Scope scope = newScope(!ScopeFacts.needsFrame(body, TemplateCompiler::framed));
        if (scope.local) {
            declare(scope, definite, Names.setNames(body));
        }
        return scope;
    }

    /** A new scope: JVM locals, or a Frame nested in the current innermost frame. */
    Scope newScope(boolean local) {
        if (local) {
            return Scope.locals();
        }
        int slot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(frame()).invokestatic(CD_FRAME, "child", MethodTypeDesc.of(CD_FRAME, CD_FRAME)).astore(slot);
        return new Scope(false, slot);
    }

    /** Gives a local scope its slots: definite names, and maybe-unset names starting as MISSING. */
    void declare(Scope scope, Set<String> definite, Set<String> maybe) {
        for (String n : definite) {
            scope.slots.put(n, cb.allocateLocal(TypeKind.REFERENCE));
            scope.definite.add(n);
        }
        for (String n : maybe) {
            if (!scope.slots.containsKey(n)) {
                int slot = cb.allocateLocal(TypeKind.REFERENCE);
                scope.slots.put(n, slot);
                cb.getstatic(CD_HELPERS, "MISSING", CD_Object).astore(slot);
            }
        }
    }

    /** The loop scope whose {@code loop} a name refers to, when it is computed from the index. */
    Scope fastLoopScope() {
        for (Scope s : scopes) {
            if (!s.local) {
                return null;
            }
            if (s.fastLoop) {
                return s;
            }
            if (s.slots.containsKey("loop")) {
                return null;
            }
        }
        return null;
    }

    /** The slot of a name that resolves to a local kept as a JVM long ({@link Scope#longs}), or -1. */
    int longSlot(String name) {
        for (Scope s : scopes) {
            if (!s.local) {
                return -1;
            }
            Integer slot = s.slots.get(name);
            if (slot != null) {
                return s.longs.contains(name) ? slot : -1;
            }
        }
        return -1;
    }

    /** Loads a name's value; {@code self} falls back to the template's blocks when unset. */
    void load(String name, boolean selfFallback) {
        Stmt.Def unobserved = tc.unobservedDef();
        if (unobserved != null && unobserved.name().equals(name)) {
            // the analysis allows the name only as the callee of calls after the def, in the
            // template's top-level code (this method), and no scope there can rebind it: the
            // function the def statement did not bind is made here
            if (!afterUnobservedDef(name)) {
                throw new IllegalStateException("def '" + name + "' read before its statement in the same method");
            }
            unobservedFunction(false);
            return;
        }
        Label done = cb.newLabel();
        for (Scope s : scopes) {
            if (!s.local) {
                break;
            }
            if (s.fastLoop && name.equals("loop")) {
                throw new IllegalStateException("loop variable used as a value in a fast loop");
            }
            Integer slot = s.slots.get(name);
            if (slot == null) {
                continue;
            }
            if (s.longs.contains(name)) {
                cb.lload(slot).invokestatic(CD_LONG, "valueOf", MethodTypeDesc.of(CD_LONG, ConstantDescs.CD_long));
                selfFallback(name, selfFallback);
                return;
            }
            cb.aload(slot);
            if (s.definite.contains(name)) {
                cb.labelBinding(done);
                selfFallback(name, selfFallback);
                return;
            }
            cb.dup().getstatic(CD_HELPERS, "MISSING", CD_Object).if_acmpne(done).pop();
        }
        cb.aload(frame());
        string(name);
        cb.invokevirtual(CD_FRAME, "lookup", MethodTypeDesc.of(CD_Object, CD_String));
        cb.labelBinding(done);
        selfFallback(name, selfFallback);
    }

    private void selfFallback(String name, boolean enabled) {
        if (enabled && name.equals("self")) {
            cb.aload(R).aload(frame()).invokestatic(CD_HELPERS, "self",
                    MethodTypeDesc.of(CD_Object, CD_Object, CD_STATE, CD_FRAME));
        }
    }

    /** Assigns the value on the stack to a target in {@code scope}. */
    void assign(Target target, Scope scope) {
        switch (target) {
            case Target.Name n -> {
                if (scope.longs.contains(n.name())) {
                    throw new IllegalStateException("assignment to a parameter kept as a long: " + n.name());
                }
                if (scope.local) {
                    cb.astore(scope.slots.get(n.name()));
                } else {
                    cb.aload(scope.frameSlot).swap();
                    string(n.name());
                    cb.swap()
                            .invokevirtual(CD_FRAME, "set", MethodTypeDesc.of(CD_void, CD_String, CD_Object));
                }
            }
            case Target.Tuple t -> {
                int list = cb.allocateLocal(TypeKind.REFERENCE);
                cb.loadConstant(t.items().size())
                        .invokestatic(CD_HELPERS, "unpack", MethodTypeDesc.of(CD_LIST, CD_Object, CD_int)).astore(list);
                for (int k = 0; k < t.items().size(); k++) {
                    cb.aload(list).loadConstant(k).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
                    assign(t.items().get(k), scope);
                }
            }
            case Target.Attr a -> {
                loadIn(a.name(), scope);
                cb.swap();
                string(a.attr());
                cb.swap().invokestatic(CD_HELPERS, "setAttr",
                        MethodTypeDesc.of(CD_void, CD_Object, CD_String, CD_Object));
            }
        }
    }

    /** Assigns the value on the stack to a name in {@code scope}. */
    void assign(String name, Scope scope) {
        assign(new Target.Name(name), scope);
    }

    /** Looks a name up as seen from {@code scope} (which may not be pushed yet). */
    private void loadIn(String name, Scope scope) {
        boolean pushed = scopes.peek() != scope;
        if (pushed) {
            scopes.push(scope);
        }
        load(name, false);
        if (pushed) {
            scopes.pop();
        }
    }
}
