package dev.kida.compiler;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.DynamicConstantDesc;

import static dev.kida.compiler.Descriptors.CD_BOOLEAN;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;

/**
 * Values known when compiling, put on the stack: strings as {@code ldc} where the constant pool
 * can hold them, anything else (AST nodes, filters, long text) as the class's dynamic constants
 * ({@link TemplateCompiler#constant}).
 */
final class Constants {
    private final CodeBuilder cb;
    private final TemplateCompiler tc;

    Constants(CodeBuilder cb, TemplateCompiler tc) {
        this.cb = cb;
        this.tc = tc;
    }

    LoadableConstantEntry pooled(DynamicConstantDesc<?> constant) {
        return (LoadableConstantEntry) tc.entry(cb.constantPool(), constant);
    }

    InvokeDynamicEntry pooled(DynamicCallSiteDesc site) {
        return (InvokeDynamicEntry) tc.entry(cb.constantPool(), site);
    }

    /**
     * Loads a String. {@code ldc} interns it, which keeps equal literals one object (Jinja2's
     * {@code sameas} on literals), but a constant-pool entry holds at most 65,535 bytes of modified
     * UTF-8; longer text comes from the class data instead.
     */
    void string(String s) {
        if (ConstantPoolLimits.fitsUtf8Entry(s)) {
            cb.ldc(s);
        } else {
            cb.ldc(pooled(tc.constant(s, CD_String)));
        }
    }

    /** A String as a bootstrap argument, within the same constant-pool limit as {@link #string}. */
    ConstantDesc stringArg(String s) {
        return ConstantPoolLimits.fitsUtf8Entry(s) ? s : tc.constant(s, CD_String);
    }

    /** Loads a value (a folded constant or a literal's). */
    void value(Object v) {
        switch (v) {
            case null -> cb.aconst_null();
            case String s -> string(s);
            case Boolean b -> cb.getstatic(CD_BOOLEAN, b ? "TRUE" : "FALSE", CD_BOOLEAN);
            default -> cb.ldc(pooled(tc.constant(v, CD_Object)));
        }
    }
}
