package dev.kida.compiler;

import dev.kida.api.Filter;
import dev.kida.api.Test;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.eval.FunctionStatements;
import dev.kida.engine.render.Frame;
import dev.kida.engine.eval.KidaStatements;
import dev.kida.engine.eval.LoopContext;
import dev.kida.engine.render.RenderState;
import dev.kida.engine.output.Output;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.Values;
import dev.kida.engine.runtime.kida.KidaOps;
import dev.kida.engine.runtime.value.Undefined;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Map;

import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_void;

/** The types (and the few method types used everywhere) that generated body code refers to. */
final class Descriptors {
    static final ClassDesc CD_HELPERS = cd(CompiledHelpers.class);
    static final ClassDesc CD_VALUES = cd(Values.class);
    static final ClassDesc CD_STATE = cd(RenderState.class);
    static final ClassDesc CD_FRAME = cd(Frame.class);
    static final ClassDesc CD_OUTPUT = cd(Output.class);
    static final ClassDesc CD_ESCAPER = cd(Escaper.class);
    static final ClassDesc CD_LIST = cd(List.class);
    static final ClassDesc CD_MAP = cd(Map.class);
    static final ClassDesc CD_ARGS = cd(Args.class);
    static final ClassDesc CD_FILTER = cd(Filter.class);
    static final ClassDesc CD_TEST = cd(Test.class);
    static final ClassDesc CD_LOOP = cd(LoopContext.class);
    static final ClassDesc CD_OBJECTS = CD_Object.arrayType();
    static final ClassDesc CD_LONG = cd(Long.class);
    static final ClassDesc CD_BOOLEAN = cd(Boolean.class);
    static final ClassDesc CD_KIDA = cd(KidaOps.class);
    static final ClassDesc CD_KIDA_STMTS = cd(KidaStatements.class);
    static final ClassDesc CD_FUNCTIONS = cd(FunctionStatements.class);
    static final ClassDesc CD_UNDEFINED = cd(Undefined.class);

    static final MethodTypeDesc MTD_APPEND = MethodTypeDesc.of(CD_void, CD_String);
    static final MethodTypeDesc MTD_PRINT_ESCAPED = MethodTypeDesc.of(CD_void, CD_Object, CD_ESCAPER);

    private Descriptors() {}
}
