package dev.kida.compiler;

import dev.kida.engine.ast.BinaryOp;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.UnaryOp;
import dev.kida.engine.eval.ConstantExpr;
import dev.kida.engine.runtime.value.Undefined;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;

import static dev.kida.compiler.ConstantFolding.NOT_CONST;
import static dev.kida.compiler.Descriptors.CD_BOOLEAN;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static dev.kida.compiler.Descriptors.CD_OBJECTS;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.CD_VALUES;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;

/**
 * Expressions: each leaves its value on the stack, evaluated in the evaluator's order with the
 * runtime's operations; conditions leave an int without boxing where they are boolean already.
 * Constant sub-expressions are folded ({@link ConstantFolding}); calls, filters and tests are
 * {@link CallCompiler}'s, Kida's operators {@link KidaExpressionCompiler}'s.
 */
final class ExpressionCompiler extends BodyPart {
    private static final DirectMethodHandleDesc ATTR_SITE_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, cd(AttributeSite.class), "bootstrap",
            MethodTypeDesc.of(CD_Object, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_Class, CD_Object));
    private static final ClassDesc CD_ATTR_SITE = cd(AttributeSite.class);
    private static final MethodTypeDesc ATTR_SITE_TYPE = MethodTypeDesc.of(CD_Object, CD_Object, CD_ATTR_SITE);

    ExpressionCompiler(BodyCompiler body) {
        super(body);
    }

    /** Leaves the value of {@code e} on the stack (None for a null expression). */
    void emit(Expr e) {
        if (e == null) {
            cb.aconst_null();
            return;
        }
        Object c = ConstantFolding.fold(e);
        if (c != NOT_CONST && ConstantFolding.immutable(c)) {
            constants.value(c);
            return;
        }
        Pos saved = positions.enter(e);
        switch (e) {
            case Expr.Literal l -> constants.value(l.value());
            case Expr.Name n -> body.variables.load(n.name(), true);
            case Expr.ListLit l -> {
                array(l.items());
                cb.invokestatic(CD_HELPERS, "list", MethodTypeDesc.of(CD_LIST, CD_OBJECTS));
            }
            case Expr.TupleLit t -> {
                array(t.items());
                cb.invokestatic(CD_HELPERS, "tuple", MethodTypeDesc.of(CD_Object, CD_OBJECTS));
            }
            case Expr.DictLit d -> {
                cb.loadConstant(d.entries().size() * 2).anewarray(CD_Object);
                int k = 0;
                for (Expr.Entry en : d.entries()) {
                    cb.dup().loadConstant(k++);
                    expr(en.key());
                    cb.aastore();
                    cb.dup().loadConstant(k++);
                    expr(en.value());
                    cb.aastore();
                }
                setPos(); // an unhashable or undefined key raises
                cb.invokestatic(CD_HELPERS, "dict", MethodTypeDesc.of(CD_Object, CD_OBJECTS));
            }
            case Expr.GetAttr g -> getAttr(g);
            case Expr.GetItem g -> {
                expr(g.target());
                setPos();
                cb.invokestatic(CD_HELPERS, "subscriptable", MethodTypeDesc.of(CD_Object, CD_Object));
                if (g.key() instanceof Expr.Slice s) {
                    expr(s.start());
                    expr(s.stop());
                    expr(s.step());
                    setPos();
                    cb.invokestatic(CD_VALUES, "slice", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object,
                            CD_Object, CD_Object));
                } else {
                    expr(g.key());
                    setPos();
                    getItem();
                }
            }
            case Expr.Slice s -> {
                setPos();
                cb.invokestatic(CD_HELPERS, "sliceOutside", MethodTypeDesc.of(CD_Object));
            }
            case Expr.Unary u -> {
                expr(u.operand());
                setPos();
                String m = switch (u.op()) {
                    case NOT -> "not";
                    case NEG -> "neg";
                    case POS -> "pos";
                };
                cb.invokestatic(u.op() == UnaryOp.NOT ? CD_HELPERS : CD_VALUES, m,
                        MethodTypeDesc.of(CD_Object, CD_Object));
            }
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
                setPos();
                if (b.op() == BinaryOp.CONCAT) {
                    // Jinja2 folds an all-constant ~ to a plain str, Markup operands or not
                    cb.aload(R).invokestatic(CD_HELPERS, ConstantExpr.isConstant(b) ? "concatFolded" : "concat", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object,
                            CD_STATE));
                } else {
                    String m = switch (b.op()) {
                        case ADD -> "add";
                        case SUB -> "sub";
                        case MUL -> "mul";
                        case DIV -> "div";
                        case FLOORDIV -> "floorDiv";
                        case MOD -> "mod";
                        case POW -> "pow";
                        case CONCAT -> throw new IllegalStateException();
                    };
                    cb.invokestatic(CD_VALUES, m, MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
                }
            }
            case Expr.And a -> {
                Label end = cb.newLabel();
                expr(a.left());
                cb.dup();
                setPos();
                truthy();
                cb.ifeq(end).pop();
                expr(a.right());
                cb.labelBinding(end);
            }
            case Expr.Or o -> {
                Label end = cb.newLabel();
                expr(o.left());
                cb.dup();
                setPos();
                truthy();
                cb.ifne(end).pop();
                expr(o.right());
                cb.labelBinding(end);
            }
            case Expr.Compare cmp -> {
                compare(cmp);
                box();
            }
            case Expr.Conditional cnd -> {
                Label other = cb.newLabel();
                Label end = cb.newLabel();
                cond(cnd.test(), positions.current());
                cb.ifeq(other);
                expr(cnd.then());
                cb.goto_(end);
                cb.labelBinding(other);
                if (cnd.otherwise() != null) {
                    expr(cnd.otherwise());
                } else {
                    cb.ldc(constants.pooled(tc.constant(Undefined.lenient("the inline if-expression on line " + cnd.pos().line()
                            + " evaluated to false and no else section was defined."), CD_Object)));
                }
                cb.labelBinding(end);
            }
            case Expr.Call call -> body.calls.call(call);
            case Expr.Filter fl -> {
                expr(fl.value());
                body.calls.applyFilter(fl);
            }
            case Expr.Test t -> {
                body.calls.test(t);
                box();
            }
            case Expr.Nullish n -> body.kidaExpressions.nullish(n);
            case Expr.OptionalChain oc -> body.kidaExpressions.optionalChain(oc);
            case Expr.OptionalAttr a -> body.kidaExpressions.optionalAttr(a);
            case Expr.OptionalItem i -> body.kidaExpressions.optionalItem(i);
            case Expr.OptionalFilter of -> body.kidaExpressions.optionalFilter(of);
            case Expr.BlankNone b -> body.kidaExpressions.blankNone(b);
            case Expr.RangeLit rl -> body.kidaExpressions.range(rl);
            case Expr.ListComp lc -> body.kidaExpressions.listComp(lc);
        }
        positions.restore(saved);
    }

    /**
     * Leaves the truth value of {@code e} as an int, without boxing where the expression is
     * boolean already; a final truth test of a value is blamed on {@code truthyAt}.
     */
    void condition(Expr e, Pos truthyAt) {
        Boolean known = ConstantFolding.truth(e);
        if (known != null) {
            cb.loadConstant(known ? 1 : 0);
            return;
        }
        Pos saved = positions.enter(e);
        switch (e) {
            case Expr.Unary u when u.op() == UnaryOp.NOT -> {
                cond(u.operand(), positions.current());
                cb.iconst_1().ixor();
            }
            case Expr.And a -> {
                Label no = cb.newLabel();
                Label end = cb.newLabel();
                cond(a.left(), positions.current());
                cb.ifeq(no);
                cond(a.right(), truthyAt);
                cb.goto_(end);
                cb.labelBinding(no).iconst_0();
                cb.labelBinding(end);
            }
            case Expr.Or o -> {
                Label yes = cb.newLabel();
                Label end = cb.newLabel();
                cond(o.left(), positions.current());
                cb.ifne(yes);
                cond(o.right(), truthyAt);
                cb.goto_(end);
                cb.labelBinding(yes).iconst_1();
                cb.labelBinding(end);
            }
            case Expr.Compare cmp -> compare(cmp);
            case Expr.Test t -> body.calls.test(t);
            case Expr.GetAttr g when body.loops.isFastLoopFlag(g) -> body.loops.fastLoopFlag(g.name());
            default -> {
                positions.restore(saved);
                expr(e);
                setPos(truthyAt);
                truthy();
            }
        }
        positions.restore(saved);
    }

    /** A comparison chain: leaves its boolean result. */
    private void compare(Expr.Compare c) {
        int left = cb.allocateLocal(TypeKind.REFERENCE);
        int right = cb.allocateLocal(TypeKind.REFERENCE);
        Label no = cb.newLabel();
        Label end = cb.newLabel();
        if (!body.fusedSites.compareAttribute(c, end)) {
            expr(c.first());
        }
        cb.astore(left);
        for (Expr.Operand op : c.rest()) {
            expr(op.expr());
            cb.astore(right);
            setPos();
            cb.aload(left).aload(right);
            String m = switch (op.op()) {
                case EQ -> "eq";
                case NE -> "ne";
                case LT -> "lt";
                case LE -> "le";
                case GT -> "gt";
                case GE -> "ge";
                case IN -> "in";
                case NOT_IN -> "notIn";
            };
            cb.invokestatic(CD_HELPERS, m, MethodTypeDesc.of(CD_boolean, CD_Object, CD_Object)).ifeq(no);
            cb.aload(right).astore(left);
        }
        cb.iconst_1().goto_(end);
        cb.labelBinding(no).iconst_0();
        cb.labelBinding(end);
    }

    private void getAttr(Expr.GetAttr g) {
        if (!isPlainAttr(g)) {
            body.loops.fastLoopAttr(g.name());
            return;
        }
        expr(g.target());
        setPos();
        attrSite(g.name());
    }

    /** Whether {@code g} compiles to an attribute call site (it is not a fast loop's {@code loop.x}). */
    boolean isPlainAttr(Expr.GetAttr g) {
        return !(g.target() instanceof Expr.Name n && n.name().equals("loop") && body.variables.fastLoopScope() != null);
    }

    /**
     * The generic attribute call site, the receiver on the stack: an {@link AttributeSite} (a
     * dynamic constant) is pushed and passed along ({@link SiteLinkage} says why).
     */
    void attrSite(String name) {
        constants.callSite("getattr", ATTR_SITE_TYPE, ATTR_SITE_BSM, constants.stringArg(name));
    }

    /** {@code target[key]}, both on the stack. */
    void getItem() {
        cb.invokestatic(CD_HELPERS, "getItem", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
    }

    /** Leaves an Object[] of the items' values. */
    void array(List<Expr> items) {
        cb.loadConstant(items.size()).anewarray(CD_Object);
        for (int k = 0; k < items.size(); k++) {
            cb.dup().loadConstant(k);
            expr(items.get(k));
            cb.aastore();
        }
    }

    /** The int (boolean) on the stack as a Boolean. */
    void box() {
        cb.invokestatic(CD_BOOLEAN, "valueOf", MethodTypeDesc.of(CD_BOOLEAN, CD_boolean));
    }

    /** The truth of the value on the stack, as an int. */
    void truthy() {
        cb.invokestatic(CD_VALUES, "truthy", MethodTypeDesc.of(CD_boolean, CD_Object));
    }
}
