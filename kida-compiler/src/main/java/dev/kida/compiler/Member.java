package dev.kida.compiler;

import dev.kida.engine.ast.Pos;
import dev.kida.engine.output.PreEncodedText;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.classfile.constantpool.InterfaceMethodRefEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

import static dev.kida.compiler.Descriptors.CD_ESCAPER;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.MTD_PRINT_ESCAPED;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * A method that generated code calls at many places, whose constant-pool entry is made once per
 * class ({@link TemplateCompiler#invoke}). Turning owner, name and type descriptions into pool
 * entries at every call instruction (a new internal name and descriptor string hashed each time)
 * was about a seventh of the time spent generating the stocks page; the calls below are most of
 * those instructions.
 *
 * @param itf whether the owner is an interface (invokeinterface), else invokevirtual or, with
 *            {@code statik}, invokestatic
 */
record Member(ClassDesc owner, String name, MethodTypeDesc type, boolean itf, boolean statik) {
    static final Member STATE_OUT = state("out", MethodTypeDesc.of(CD_OUTPUT));
    static final Member STATE_ESCAPER = state("escaper", MethodTypeDesc.of(CD_ESCAPER));
    static final Member STATE_DISCARDING = state("discarding", MethodTypeDesc.of(CD_boolean));
    static final Member STATE_PRINT = state("print", MethodTypeDesc.of(CD_void, CD_Object));
    static final Member STATE_STEP = state("step", MethodTypeDesc.of(CD_void));
    static final Member STATE_BLAME = state("blame", MethodTypeDesc.of(CD_void, CD_int));
    static final Member STATE_BLAMED = state("blamed", MethodTypeDesc.of(CD_int));
    static final Member STATE_DATA = state("data", MethodTypeDesc.of(CD_Object.arrayType()));
    static final Member STATE_SET_DATA = state("data", MethodTypeDesc.of(CD_void, CD_Object.arrayType()));
    static final Member OUTPUT_APPEND_TEXT = output("appendStatic", MethodTypeDesc.of(CD_void, cd(PreEncodedText.class)));
    static final Member OUTPUT_PRINT_ESCAPED = output("printEscaped", MTD_PRINT_ESCAPED);
    static final Member OUTPUT_PRINT_RAW = output("printRaw", MethodTypeDesc.of(CD_void, CD_Object));
    static final Member HELPERS_FAIL = new Member(CD_HELPERS, "fail", MethodTypeDesc.of(cd(Throwable.class), CD_STATE,
            cd(Throwable.class), cd(Pos.class)), false, true);

    private static Member state(String name, MethodTypeDesc type) {
        return new Member(CD_STATE, name, type, true, false);
    }

    private static Member output(String name, MethodTypeDesc type) {
        return new Member(CD_OUTPUT, name, type, false, false);
    }

    MemberRefEntry entry(ConstantPoolBuilder pool) {
        return itf ? pool.interfaceMethodRefEntry(owner, name, type) : pool.methodRefEntry(owner, name, type);
    }

    /** Emits the call, given this member's pool entry. */
    void emit(CodeBuilder cb, MemberRefEntry ref) {
        if (statik) {
            cb.invokestatic((MethodRefEntry) ref);
        } else if (itf) {
            cb.invokeinterface((InterfaceMethodRefEntry) ref);
        } else {
            cb.invokevirtual((MethodRefEntry) ref);
        }
    }
}
