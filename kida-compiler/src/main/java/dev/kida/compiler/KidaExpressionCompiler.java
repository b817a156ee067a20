package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_KIDA;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.CD_UNDEFINED;
import static dev.kida.compiler.Descriptors.CD_VALUES;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Kida's expressions: optional chains ({@code a?.b?[c]}), {@code ??}, {@code ?|}, {@code ?? ''}
 * blanks, range literals and list comprehensions.
 */
final class KidaExpressionCompiler extends BodyPart {
    /** The end of each optional chain being generated, innermost first (see {@link #skipChainIfAbsent}). */
    private final ArrayDeque<Label> chainEnds = new ArrayDeque<>();

    KidaExpressionCompiler(BodyCompiler body) {
        super(body);
    }

    /** Takes the chain stack away (an inlined def body starts with none); see {@link #attach}. */
    List<Label> detach() {
        return takeAll(chainEnds);
    }

    void attach(List<Label> saved) {
        refill(chainEnds, saved);
    }

    void optionalChain(Expr.OptionalChain oc) {
        Label end = cb.newLabel();
        chainEnds.push(end);
        expr(oc.body());
        chainEnds.pop();
        cb.labelBinding(end);
    }

    void optionalAttr(Expr.OptionalAttr a) {
        expr(a.target());
        skipChainIfAbsent();
        setPos();
        string(a.name());
        cb.invokestatic(CD_KIDA, "attr", MethodTypeDesc.of(CD_Object, CD_Object, CD_String));
    }

    void optionalItem(Expr.OptionalItem i) {
        expr(i.target());
        skipChainIfAbsent();
        expr(i.key());
        setPos();
        cb.invokestatic(CD_KIDA, "item", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
    }

    /**
     * After an optional link's receiver (on the stack): when it is None or undefined, replaces it
     * with None and jumps to the end of the chain. Everything a chain evaluates before one of its
     * optional links is that link's receiver, so the stack below is the chain's own.
     */
    private void skipChainIfAbsent() {
        Label present = cb.newLabel();
        cb.dup().invokestatic(CD_KIDA, "isAbsent", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(present);
        cb.pop().aconst_null().goto_(chainEnds.peek());
        cb.labelBinding(present);
    }

    /** {@code value ?| filter}: the filter applies unless the value is None. */
    void optionalFilter(Expr.OptionalFilter of) {
        Label end = cb.newLabel();
        expr(of.filter().value());
        cb.dup().ifnull(end);
        body.calls.applyFilter(of.filter());
        cb.labelBinding(end);
    }

    /** None printed as the empty string. */
    void blankNone(Expr.BlankNone b) {
        Label end = cb.newLabel();
        expr(b.value());
        cb.dup().ifnonnull(end).pop().ldc("");
        cb.labelBinding(end);
    }

    /** {@code start..end} / {@code start...end} with an optional step. */
    void range(Expr.RangeLit rl) {
        expr(rl.start());
        expr(rl.end());
        expr(rl.step());
        cb.loadConstant(rl.inclusive() ? 1 : 0);
        setPos();
        cb.invokestatic(CD_KIDA, "range", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object, CD_Object,
                CD_boolean));
    }

    /** {@code left ?? right}: {@code right} is evaluated only when {@code left} is None or undefined. */
    void nullish(Expr.Nullish n) {
        Label end = cb.newLabel();
        nullishOperand(n.left());
        cb.dup().invokestatic(CD_KIDA, "isAbsent", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(end);
        cb.pop();
        expr(n.right());
        cb.labelBinding(end);
    }

    /**
     * The left operand of {@code ??}, as the evaluator's {@code nullishOperand}: attribute and item
     * reads on an undefined value give that value instead of raising.
     */
    private void nullishOperand(Expr e) {
        switch (e) {
            case Expr.GetAttr g when body.expressions.isPlainAttr(g) -> {
                Pos saved = positions.enter(g);
                Label done = cb.newLabel();
                nullishOperand(g.target());
                cb.dup().instanceOf(CD_UNDEFINED).ifne(done);
                setPos();
                body.expressions.attrSite(g.name());
                cb.labelBinding(done);
                positions.restore(saved);
            }
            case Expr.GetItem g when !(g.key() instanceof Expr.Slice) -> {
                Pos saved = positions.enter(g);
                Label done = cb.newLabel();
                nullishOperand(g.target());
                cb.dup().instanceOf(CD_UNDEFINED).ifne(done);
                expr(g.key());
                setPos();
                body.expressions.getItem();
                cb.labelBinding(done);
                positions.restore(saved);
            }
            default -> expr(e);
        }
    }

    /**
     * {@code [element for target in iterable if condition]}: a loop in the current method whose
     * target lives in JVM locals (an expression holds no closure that would need a Frame).
     */
    void listComp(Expr.ListComp c) {
        Set<String> names = new LinkedHashSet<>();
        Names.targetNames(c.target(), names);
        expr(c.iterable());
        setPos();
        int items = cb.allocateLocal(TypeKind.REFERENCE);
        int out = cb.allocateLocal(TypeKind.REFERENCE);
        int i = cb.allocateLocal(TypeKind.INT);
        cb.invokestatic(CD_VALUES, "toList", MethodTypeDesc.of(CD_LIST, CD_Object)).astore(items);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int))
                .invokestatic(CD_HELPERS, "newList", MethodTypeDesc.of(CD_LIST, CD_int)).astore(out);
        Scope scope = Scope.locals();
        body.variables.declare(scope, names, Set.of());
        cb.iconst_0().istore(i);
        Label head = cb.newLabel();
        Label next = cb.newLabel();
        Label done = cb.newLabel();
        Pos compPos = positions.current();
        cb.labelBinding(head);
        cb.iload(i).aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).if_icmpge(done);
        // each item is a step of the render's budget, as a loop iteration is
        cb.aload(R);
        tc.invoke(cb, Member.STATE_STEP);
        cb.aload(items).iload(i).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
        setPos();
        body.variables.assign(c.target(), scope);
        body.variables.push(scope);
        if (c.condition() != null) {
            cond(c.condition(), compPos);
            cb.ifeq(next);
        }
        cb.aload(out);
        expr(c.element());
        cb.invokeinterface(CD_LIST, "add", MethodTypeDesc.of(CD_boolean, CD_Object)).pop();
        body.variables.pop();
        positions.restore(compPos);
        cb.labelBinding(next);
        cb.iinc(i, 1).goto_(head);
        cb.labelBinding(done);
        cb.aload(out);
    }
}
