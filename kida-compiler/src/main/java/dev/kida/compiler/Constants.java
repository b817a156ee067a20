package dev.kida.compiler;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;

import static dev.kida.compiler.Descriptors.CD_BOOLEAN;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;

/**
 * Values known when compiling, put on the stack: strings as {@code ldc} where the constant pool
 * can hold them, anything else (AST nodes, filters, long text) as the class's dynamic constants
 * ({@link TemplateCompiler#constant}).
 */
final class Constants {
    private static final DirectMethodHandleDesc LINK_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, TemplateCompiler.cd(SiteLinkage.class), "link",
            MethodTypeDesc.of(CD_Object, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_MethodType, CD_Object));
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

    /**
     * A call site that passes itself as its last argument, the others on the stack: pushes the
     * site object (a dynamic constant made by {@code siteBootstrap} from {@code args}, distinct
     * for each call) and invokes it, linked by {@link SiteLinkage#link}. Sites with arguments
     * after the site use {@link #site} and {@link #callSite(String, MethodTypeDesc, DynamicConstantDesc)}.
     */
    void callSite(String name, MethodTypeDesc type, DirectMethodHandleDesc siteBootstrap, ConstantDesc... args) {
        DynamicConstantDesc<Object> site = site(type.parameterType(1), siteBootstrap, args);
        cb.ldc(pooled(site));
        callSite(name, type, site);
    }

    /** A new site object for a call site of this class: a dynamic constant of its own. */
    DynamicConstantDesc<Object> site(ClassDesc type, DirectMethodHandleDesc siteBootstrap, ConstantDesc... args) {
        return DynamicConstantDesc.ofNamed(siteBootstrap, tc.nextSiteName(), type, args);
    }

    /** The {@code invokedynamic} of a site object pushed earlier ({@link #site}). */
    void callSite(String name, MethodTypeDesc type, DynamicConstantDesc<Object> site) {
        cb.invokedynamic(pooled(DynamicCallSiteDesc.of(LINK_BSM, name, type, site)));
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
