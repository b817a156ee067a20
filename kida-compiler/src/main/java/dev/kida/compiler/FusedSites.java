package dev.kida.compiler;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;

import static dev.kida.compiler.Descriptors.CD_ESCAPER;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_int;

/**
 * Attribute reads fused with what is done with the value ({@link FusedAttributeSite}): a
 * getter's value printed, or compared with a number, without boxing it. Where the site does not
 * apply, the generic attribute path runs from the same receiver.
 */
final class FusedSites extends BodyPart {
    private static final ClassDesc CD_SITE = cd(FusedAttributeSite.class);
    private static final DirectMethodHandleDesc PRINT_SITE_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, CD_SITE, "bootstrapPrint",
            MethodTypeDesc.of(CD_Object, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_Class, CD_Object, CD_Object));
    private static final DirectMethodHandleDesc COMPARE_SITE_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, CD_SITE, "bootstrapCompare",
            MethodTypeDesc.of(CD_Object, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_Class, CD_Object, CD_Object, CD_Object));
    private static final MethodTypeDesc PRINT_TYPE = MethodTypeDesc.of(CD_Object, CD_Object, CD_SITE, CD_OUTPUT, CD_ESCAPER);
    private static final MethodTypeDesc COMPARE_TYPE = MethodTypeDesc.of(CD_int, CD_Object, CD_SITE);

    FusedSites(BodyCompiler body) {
        super(body);
    }

    /**
     * {@code {{ obj.name }}}: a getter's value is printed by a {@link FusedAttributeSite} (numbers
     * unboxed); anything else takes the generic path from the same receiver.
     */
    void printAttr(Stmt.Print p, Expr.GetAttr g) {
        Pos saved = positions.enter(g);
        Label done = cb.newLabel();
        int receiver = receiver(g);
        String mode = body.escape == null ? "NUMBERS_ONLY" : body.escape ? "ESCAPED" : "RAW";
        DynamicConstantDesc<Object> site = constants.site(CD_SITE, PRINT_SITE_BSM, constants.stringArg(g.name()), mode);
        cb.ldc(constants.pooled(site));
        cb.aload(R);
        tc.invoke(cb, Member.STATE_OUT);
        cb.aload(R);
        tc.invoke(cb, Member.STATE_ESCAPER);
        constants.callSite("printattr", PRINT_TYPE, site);
        cb.ifnonnull(done);
        cb.aload(receiver);
        body.expressions.attrSite(g.name());
        positions.restore(saved);
        setPos(at(p.expr()));
        body.printing.printValue();
        cb.labelBinding(done);
    }

    /** Evaluates the attribute's receiver; leaves it on the stack and in the local returned. */
    private int receiver(Expr.GetAttr g) {
        int receiver = cb.allocateLocal(TypeKind.REFERENCE);
        expr(g.target());
        setPos();
        cb.dup().astore(receiver);
        return receiver;
    }

    /**
     * {@code obj.name OP number}: a {@link FusedAttributeSite} compares a primitive getter's
     * value unboxed and jumps to {@code end} with the result. Where it does not apply, it leaves the
     * attribute's value on the stack for the generic comparison, read from the same receiver;
     * returns false (emitting nothing) when the expression does not have this shape.
     */
    boolean compareAttribute(Expr.Compare c, Label end) {
        if (c.rest().size() != 1 || !(c.first() instanceof Expr.GetAttr g) || !body.expressions.isPlainAttr(g)) {
            return false;
        }
        Expr.Operand operand = c.rest().getFirst();
        String op = switch (operand.op()) {
            case LT -> "LT";
            case LE -> "LE";
            case GT -> "GT";
            case GE -> "GE";
            default -> null;
        };
        Object constant = ConstantFolding.fold(operand.expr());
        if (op == null || !(constant instanceof Long || constant instanceof Double)) {
            return false;
        }
        Pos saved = positions.enter(g);
        Label generic = cb.newLabel();
        int receiver = receiver(g);
        constants.callSite("compareattr", COMPARE_TYPE, COMPARE_SITE_BSM, constants.stringArg(g.name()), op,
                (ConstantDesc) constant);
        cb.dup().iflt(generic);
        cb.goto_(end);
        cb.labelBinding(generic);
        cb.pop().aload(receiver);
        body.expressions.attrSite(g.name());
        positions.restore(saved);
        return true;
    }
}
