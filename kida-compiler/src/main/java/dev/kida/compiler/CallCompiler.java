package dev.kida.compiler;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.Test;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;

import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;
import java.util.List;

import static dev.kida.compiler.Descriptors.CD_ARGS;
import static dev.kida.compiler.Descriptors.CD_FILTER;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_LIST;
import static dev.kida.compiler.Descriptors.CD_OBJECTS;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.CD_TEST;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;

/**
 * Calls, filters and tests: the arguments evaluated in the evaluator's order into an
 * {@link dev.kida.engine.runtime.Args}, the callee reached through the same runtime door as in the
 * evaluator. A filter or test is looked up when compiling and loaded as a constant.
 */
final class CallCompiler extends BodyPart {
    CallCompiler(BodyCompiler body) {
        super(body);
    }

    /** {@code f(args)}: leaves the result. */
    void call(Expr.Call call) {
        if (ScopeFacts.isFastCycle(call) && body.variables.fastLoopScope() != null) {
            // loop.cycle(...) of a fast loop: the item picked by the index
            body.expressions.array(call.args());
            cb.iload(body.variables.fastLoopScope().indexSlot);
            setPos();
            cb.invokestatic(CD_HELPERS, "cycle", MethodTypeDesc.of(CD_Object, CD_OBJECTS, CD_int));
            return;
        }
        expr(call.callee());
        setPos();
        defined();
        arguments(call);
        cb.aload(R).swap();
        setPos();
        cb.invokestatic(CD_HELPERS, "call", MethodTypeDesc.of(CD_Object, CD_Object, CD_STATE, CD_ARGS));
    }

    /** Checks that the callee on the stack is defined (an undefined one raises). */
    void defined() {
        cb.invokestatic(CD_HELPERS, "defined", MethodTypeDesc.of(CD_Object, CD_Object));
    }

    /** Applies a filter to the value on the stack. */
    void applyFilter(Expr.Filter fl) {
        Pos saved = positions.enter(fl);
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(value);
        Filter filter = tc.engine.filter(fl.name());
        cb.ldc(constants.pooled(tc.constant(filter != null ? filter : CompiledHelpers.missingFilter(fl.name()), CD_FILTER)))
                .aload(R).aload(value);
        arguments(fl.args(), fl.kwargs(), fl.starArgs(), fl.starKwargs(), true);
        setPos();
        cb.invokeinterface(CD_FILTER, "apply", MethodTypeDesc.of(CD_Object, cd(CallContext.class),
                CD_Object, cd(Arguments.class)));
        positions.restore(saved);
    }

    /** A test: leaves its boolean result. */
    void test(Expr.Test t) {
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        expr(t.value());
        cb.astore(value);
        Test test = tc.engine.test(t.name());
        cb.ldc(constants.pooled(tc.constant(test != null ? test : CompiledHelpers.missingTest(t.name()), CD_TEST)))
                .aload(R).aload(value);
        arguments(t.args(), t.kwargs(), null, null, true);
        cb.loadConstant(t.negated() ? 1 : 0);
        setPos();
        cb.invokestatic(CD_HELPERS, "test", MethodTypeDesc.of(CD_boolean, CD_TEST, CD_STATE, CD_Object, CD_ARGS,
                CD_boolean));
    }

    /**
     * Evaluates call arguments in the evaluator's order; leaves an Args ({@code sharedEmpty}: no
     * arguments at all is the shared empty Args).
     */
    void arguments(List<Expr> positional, List<Expr.Keyword> keywords, Expr starArgs, Expr starKwargs,
                   boolean sharedEmpty) {
        if (keywords.isEmpty() && starArgs == null && starKwargs == null) {
            if (positional.isEmpty() && sharedEmpty) {
                cb.getstatic(CD_ARGS, "EMPTY", CD_ARGS);
                return;
            }
            body.expressions.array(positional);
            cb.invokestatic(CD_HELPERS, "args", MethodTypeDesc.of(CD_ARGS, CD_OBJECTS));
            return;
        }
        body.expressions.array(positional);
        cb.invokestatic(CD_HELPERS, "list", MethodTypeDesc.of(CD_LIST, CD_OBJECTS));
        if (starArgs != null) {
            expr(starArgs);
            setPos();
            cb.invokestatic(CD_HELPERS, "spread", MethodTypeDesc.of(CD_LIST, CD_LIST, CD_Object));
        }
        String[] names = keywords.stream().map(Expr.Keyword::name).toArray(String[]::new);
        cb.ldc(constants.pooled(tc.constant(names, cd(String[].class))));
        body.expressions.array(keywords.stream().map(Expr.Keyword::value).toList());
        if (starKwargs != null) {
            expr(starKwargs);
        } else {
            cb.aconst_null();
        }
        cb.loadConstant(starKwargs != null ? 1 : 0);
        setPos();
        cb.invokestatic(CD_HELPERS, "args", MethodTypeDesc.of(CD_ARGS, CD_LIST, cd(String[].class), CD_OBJECTS,
                CD_Object, CD_boolean));
    }

    /** {@code f(args)} with a statement's call ({@code call} blocks, def calls): the arguments as an Args. */
    void arguments(Expr.Call call) {
        arguments(call.args(), call.kwargs(), call.starArgs(), call.starKwargs(), false);
    }
}
