package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.analysis.Traversal;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pattern;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_KIDA_STMTS;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;

/**
 * Kida's {@code match}: the subject once, then each case's pattern tested in order (captures
 * bound as their part of the pattern is reached), its guard, and its body in a scope of its own.
 */
final class MatchCompiler extends BodyPart {
    MatchCompiler(BodyCompiler body) {
        super(body);
    }

    void matchStmt(Stmt.Match m) {
        boolean valueless = m.subject() == null;
        Pos matchPos = positions.current();
        int subject = cb.allocateLocal(TypeKind.REFERENCE);
        if (valueless) {
            cb.aconst_null().astore(subject);
        } else {
            expr(m.subject());
            setPos(matchPos);
            cb.invokestatic(CD_KIDA_STMTS, "subject", MethodTypeDesc.of(CD_Object, CD_Object)).astore(subject);
        }
        Label end = cb.newLabel();
        for (Stmt.Case c : m.cases()) {
            Label next = cb.newLabel();
            List<Stmt> probe = new ArrayList<>(c.body());
            boolean local = !ScopeFacts.needsFrame(probe, TemplateCompiler::framed) && !mentionsSelf(c);
            Scope scope = body.variables.newScope(local);
            if (local) {
                Set<String> captures = new LinkedHashSet<>();
                captureNames(c.pattern(), captures);
                Set<String> sets = new LinkedHashSet<>(Names.setNames(c.body()));
                // a capture is bound only when its part of the pattern is reached
                body.variables.declare(scope, Set.of(), captures);
                body.variables.declare(scope, Set.of(), sets);
            }
            body.variables.push(scope);
            pattern(c.pattern(), valueless, subject, next, scope, matchPos);
            if (c.guard() != null) {
                cond(c.guard(), matchPos);
                cb.ifeq(next);
            }
            stmts(c.body());
            flushText();
            positions.restore(matchPos);
            body.variables.pop();
            cb.goto_(end);
            cb.labelBinding(next);
        }
        cb.labelBinding(end);
    }

    private static boolean mentionsSelf(Stmt.Case c) {
        List<Expr> exprs = new ArrayList<>();
        c.pattern().collectValues(exprs);
        exprs.add(c.guard());
        boolean[] found = {false};
        for (Expr e : exprs) {
            Traversal.expression(e, n -> found[0] |= n instanceof Expr.Name nm && nm.name().equals("self"));
        }
        return found[0];
    }

    private static void captureNames(Pattern p, Set<String> out) {
        switch (p) {
            case Pattern.Capture c -> out.add(c.name());
            case Pattern.Sequence s -> s.items().forEach(i -> captureNames(i, out));
            default -> { }
        }
    }

    /** Tests the value in {@code slot} against a pattern, binding captures; jumps to {@code fail}. */
    private void pattern(Pattern p, boolean valueless, int slot, Label fail, Scope scope, Pos matchPos) {
        switch (p) {
            case Pattern.Wildcard w -> { }
            case Pattern.Capture c -> {
                cb.aload(slot);
                body.variables.assign(c.name(), scope);
            }
            case Pattern.Value v -> {
                cb.loadConstant(valueless ? 1 : 0).aload(slot);
                expr(v.expr());
                setPos(matchPos);
                cb.invokestatic(CD_KIDA_STMTS, "valueMatches", MethodTypeDesc.of(CD_boolean, CD_boolean, CD_Object, CD_Object))
                        .ifeq(fail);
            }
            case Pattern.Sequence s -> {
                int items = cb.allocateLocal(TypeKind.REFERENCE);
                cb.aload(slot).loadConstant(s.items().size())
                        .invokestatic(CD_KIDA_STMTS, "sequenceOf", MethodTypeDesc.of(CD_LIST, CD_Object, CD_int))
                        .astore(items).aload(items).ifnull(fail);
                for (int k = 0; k < s.items().size(); k++) {
                    int item = cb.allocateLocal(TypeKind.REFERENCE);
                    cb.aload(items).loadConstant(k).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int))
                            .astore(item);
                    pattern(s.items().get(k), false, item, fail, scope, matchPos);
                }
            }
        }
    }
}
