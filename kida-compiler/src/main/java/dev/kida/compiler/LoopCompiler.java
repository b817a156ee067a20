package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static dev.kida.compiler.Descriptors.CD_LONG;
import static dev.kida.compiler.Descriptors.CD_LOOP;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.CD_VALUES;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * {@code for} loops: the items listed first, a fresh scope per iteration, {@code loop} bound as
 * the evaluator binds it. A fast loop ({@link ScopeFacts#fastLoop}) has no LoopContext at all:
 * its {@code loop.index}, {@code loop.first} and the like are computed from the index and size
 * locals.
 */
final class LoopCompiler extends BodyPart {
    LoopCompiler(BodyCompiler body) {
        super(body);
    }

    void forStmt(Stmt.For f) {
        Variables variables = body.variables;
        boolean local = !ScopeFacts.needsFrame(f.body(), TemplateCompiler::framed);
        Set<String> targetNames = new LinkedHashSet<>();
        Names.targetNames(f.target(), targetNames);
        expr(f.iter());
        setPos();
        int items = cb.allocateLocal(TypeKind.REFERENCE);
        cb.invokestatic(CD_VALUES, "loopItems", MethodTypeDesc.of(CD_LIST, CD_Object)).astore(items);
        if (f.filter() != null) {
            filterItems(f, local, targetNames, items);
        }
        Label end = cb.newLabel();
        Label iterate = cb.newLabel();
        cb.aload(items).invokeinterface(CD_LIST, "isEmpty", MethodTypeDesc.of(CD_boolean)).ifeq(iterate);
        stmts(f.orElse());
        flushText();
        cb.goto_(end);
        cb.labelBinding(iterate);
        int n = cb.allocateLocal(TypeKind.INT);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).istore(n);
        boolean fast = local && ScopeFacts.fastLoop(f);
        Scope scope = local ? Scope.locals() : new Scope(false, cb.allocateLocal(TypeKind.REFERENCE));
        Set<String> setNames = Names.setNames(f.body());
        Set<String> definite = new LinkedHashSet<>(targetNames);
        if (local) {
            if (!fast) {
                definite.add("loop");
            }
            for (String name : definite) {
                scope.slots.put(name, cb.allocateLocal(TypeKind.REFERENCE));
                scope.definite.add(name);
            }
            for (String name : setNames) {
                if (!scope.slots.containsKey(name)) {
                    scope.slots.put(name, cb.allocateLocal(TypeKind.REFERENCE));
                }
            }
        }
        int loopCtx = -1;
        if (!fast) {
            loopCtx = cb.allocateLocal(TypeKind.REFERENCE);
            cb.aload(items).invokestatic(CD_HELPERS, "loopContext", MethodTypeDesc.of(CD_LOOP, CD_LIST)).astore(loopCtx);
        }
        Map<String, Integer> callees = body.inlining.keptCallees(f);
        Expr.Call stepped = body.inlining.sharedStepCall(f, callees);
        int steppedSlot = stepped == null ? -1 : cb.allocateLocal(TypeKind.INT);
        int i = cb.allocateLocal(TypeKind.INT);
        scope.fastLoop = fast;
        scope.indexSlot = i;
        scope.sizeSlot = n;
        cb.iconst_0().istore(i);
        Label head = cb.newLabel();
        Label next = cb.newLabel();
        cb.labelBinding(head);
        cb.iload(i).iload(n).if_icmpge(end);
        // counted against the render's budget (steps, deadline, cancellation, output), as the evaluator does;
        // an error there is the loop's, not that of the last node the previous iteration blamed
        setPos();
        if (stepped != null) {
            // with the step of the def call the body starts with, once the def is kept for the
            // loop (DefInlining#sharedStepCall); else, or near the limit, each where it belongs
            Label plain = cb.newLabel();
            Label counted = cb.newLabel();
            cb.iconst_0().istore(steppedSlot);
            cb.aload(callees.get(((Expr.Name) stepped.callee()).name())).ifnull(plain);
            cb.aload(R).invokestatic(CD_HELPERS, "stepTwice", MethodTypeDesc.of(CD_boolean, CD_STATE)).ifeq(plain);
            cb.iconst_1().istore(steppedSlot).goto_(counted);
            cb.labelBinding(plain);
            cb.aload(R);
            tc.invoke(cb, Member.STATE_STEP);
            cb.labelBinding(counted);
        } else {
            cb.aload(R);
            tc.invoke(cb, Member.STATE_STEP);
        }
        // a fresh scope per iteration, as the evaluator (and Jinja2) does
        if (local) {
            for (String name : setNames) {
                if (!scope.definite.contains(name)) {
                    cb.getstatic(CD_HELPERS, "MISSING", CD_Object).astore(scope.slots.get(name));
                }
            }
            if (!fast) {
                cb.aload(loopCtx).astore(scope.slots.get("loop"));
            }
        } else {
            cb.aload(frame()).invokestatic(CD_FRAME, "child", MethodTypeDesc.of(CD_FRAME, CD_FRAME))
                    .astore(scope.frameSlot);
            // loop is bound by the evaluator's rule (TemplateFacts.bindsLoop, Jinja2's): binding it
            // more often is not harmless, as an include in the body would then see it
            if (tc.unit.facts().bindsLoop(f)) {
                cb.aload(scope.frameSlot).ldc("loop").aload(loopCtx)
                        .invokevirtual(CD_FRAME, "set", MethodTypeDesc.of(CD_void, CD_String, CD_Object));
            }
        }
        if (!fast) {
            cb.aload(loopCtx).iload(i).invokevirtual(CD_LOOP, "advance", MethodTypeDesc.of(CD_void, CD_int));
        }
        cb.aload(items).iload(i).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
        setPos();
        variables.assign(f.target(), scope);
        variables.push(scope);
        body.jumps.push(new JumpTarget.Loop(end, next));
        Pos forPos = positions.current();
        Map<String, Integer> outerCallees = body.inlining.enterLoop(callees);
        int outerSteppedSlot = body.inlining.steppedSlot();
        Expr.Call outerStepped = body.inlining.stepped(stepped, steppedSlot);
        stmts(f.body());
        flushText();
        body.inlining.stepped(outerStepped, outerSteppedSlot);
        body.inlining.enterLoop(outerCallees);
        positions.restore(forPos);
        body.jumps.pop();
        variables.pop();
        cb.labelBinding(next);
        cb.iinc(i, 1).goto_(head);
        cb.labelBinding(end);
    }

    /** {@code for x in items if test}: keeps the items the test accepts, before the loop starts. */
    private void filterItems(Stmt.For f, boolean local, Set<String> targetNames, int items) {
        Variables variables = body.variables;
        Scope probe = variables.newScope(local);
        if (local) {
            variables.declare(probe, targetNames, Set.of());
        }
        int kept = cb.allocateLocal(TypeKind.REFERENCE);
        int item = cb.allocateLocal(TypeKind.REFERENCE);
        int j = cb.allocateLocal(TypeKind.INT);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int))
                .invokestatic(CD_HELPERS, "newList", MethodTypeDesc.of(CD_LIST, CD_int)).astore(kept);
        cb.iconst_0().istore(j);
        Label head = cb.newLabel();
        Label skip = cb.newLabel();
        Label done = cb.newLabel();
        Pos forPos = positions.current();
        cb.labelBinding(head);
        cb.iload(j).aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).if_icmpge(done);
        cb.aload(items).iload(j).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int))
                .dup().astore(item);
        setPos();
        variables.assign(f.target(), probe);
        variables.push(probe);
        cond(f.filter(), forPos);
        variables.pop();
        cb.ifeq(skip);
        cb.aload(kept).aload(item).invokeinterface(CD_LIST, "add", MethodTypeDesc.of(CD_boolean, CD_Object)).pop();
        cb.labelBinding(skip);
        cb.iinc(j, 1).goto_(head);
        cb.labelBinding(done);
        cb.aload(kept).astore(items);
    }

    // ---- a fast loop's loop.x ------------------------------------------------------------------

    /** {@code loop.x} of the fast loop around: its value. */
    void fastLoopAttr(String attr) {
        if (isLoopNumber(attr)) {
            fastLoopNumber(attr);
            cb.i2l().invokestatic(CD_LONG, "valueOf", MethodTypeDesc.of(CD_LONG, ConstantDescs.CD_long));
            return;
        }
        switch (attr) {
            case "first", "last" -> {
                fastLoopFlag(attr);
                body.expressions.box();
            }
            default -> throw new IllegalStateException("not a fast loop attribute: " + attr);
        }
    }

    static boolean isLoopNumber(String attr) {
        return switch (attr) {
            case "index", "index0", "revindex", "revindex0", "length", "depth", "depth0" -> true;
            default -> false;
        };
    }

    /** Whether {@code g} is {@code loop.first} or {@code loop.last} of a fast loop. */
    boolean isFastLoopFlag(Expr.GetAttr g) {
        return g.target() instanceof Expr.Name n && n.name().equals("loop")
                && (g.name().equals("first") || g.name().equals("last")) && body.variables.fastLoopScope() != null;
    }

    /** Pushes a numeric attribute of the fast loop around as an int. */
    void fastLoopNumber(String attr) {
        Scope loop = body.variables.fastLoopScope();
        int i = loop.indexSlot;
        int n = loop.sizeSlot;
        switch (attr) {
            case "index" -> cb.iload(i).iconst_1().iadd();
            case "index0" -> cb.iload(i);
            case "revindex" -> cb.iload(n).iload(i).isub();
            case "revindex0" -> cb.iload(n).iload(i).isub().iconst_1().isub();
            case "length" -> cb.iload(n);
            case "depth" -> cb.iconst_1();
            case "depth0" -> cb.iconst_0();
            default -> throw new IllegalStateException("not a numeric loop attribute: " + attr);
        }
    }

    /** Pushes {@code loop.first} or {@code loop.last} of the fast loop around as an int. */
    void fastLoopFlag(String attr) {
        Scope loop = body.variables.fastLoopScope();
        Label yes = cb.newLabel();
        Label end = cb.newLabel();
        if (attr.equals("first")) {
            cb.iload(loop.indexSlot).ifeq(yes);
        } else {
            cb.iload(loop.indexSlot).iload(loop.sizeSlot).iconst_1().isub().if_icmpeq(yes);
        }
        cb.iconst_0().goto_(end).labelBinding(yes);
        cb.iconst_1().labelBinding(end);
    }
}
