package dev.kida.compiler;

import dev.kida.engine.output.PreEncodedText;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.charset.StandardCharsets;

import static dev.kida.compiler.BodyPart.R;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.MTD_APPEND;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_boolean;

/**
 * Text known when compiling (template text, prints of constants): collected while statements
 * follow each other, and appended in one piece, pre-encoded as UTF-8 ({@link PreEncodedText}),
 * before the next code that may print or jump ({@link #flush}).
 */
final class StaticText {
    private static final ClassDesc CD_TEXT = cd(PreEncodedText.class);
    private final CodeBuilder cb;
    private final TemplateCompiler tc;
    private final Constants constants;
    private final StringBuilder pending = new StringBuilder();
    /**
     * How the pending text was put together, for a class serving a shape ({@link Shape}): the
     * shape's own strings (folded constants) and the indices of text statements, whose contents
     * are each template's. Null once a piece came from elsewhere.
     */
    private java.util.List<Object> parts = new java.util.ArrayList<>();
    /** The JVM local holding the running template's texts (set at the method's entry). */
    int textsLocal = -1;

    StaticText(CodeBuilder cb, TemplateCompiler tc, Constants constants) {
        this.cb = cb;
        this.tc = tc;
        this.constants = constants;
    }

    /** Appends text of the shape itself (a folded constant): the same in every template of the shape. */
    void append(String text) {
        pending.append(text);
        if (parts != null && !text.isEmpty()) {
            parts.add(text);
        }
    }

    /** Appends a text statement's text: data, each template's own. */
    void append(dev.kida.engine.ast.Stmt.Text t) {
        pending.append(t.text());
        Integer index = tc.textIndex(t);
        if (index == null) {
            parts = null;
        } else if (parts != null) {
            parts.add(index);
        }
    }

    /** Appends the text collected so far. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        Object[] recipe = parts == null || !tc.recordsShape() ? null : parts.toArray();
        parts = new java.util.ArrayList<>();
        Label skip = skipIfDiscarding();
        cb.aload(R);
        tc.invoke(cb, Member.STATE_OUT);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // ASCII (as long as its encoding) has no surrogates: only other text is scanned
        if (utf8.length != text.length() && Shape.hasSurrogate(text)) {
            // a String constant of the class: a class serving one template only (the shape's
            // key marks text with surrogates, but its content is the template's)
            tc.unshared();
            constants.string(text);
            // appendStatic's outputs take text whose UTF-8 is as long as the text for ASCII
            // (StringOutput copies it as Latin-1 bytes then); a lone surrogate would encode as
            // one '?' and pass for ASCII, so text with surrogates is appended as a String.
            cb.invokevirtual(CD_OUTPUT, "append", MTD_APPEND);
        } else {
            // the text and its encoding as one object (no String in the constant pool: defining
            // the class hashed each into the JVM's symbol table), an element of the template's
            // texts: the class's code is the same for every template of its shape. Render cost
            // against a class-data constant: an array load from a local (docs/performance.md).
            if (tc.recordsShape()) {
                int index = tc.text(new PreEncodedText(text, utf8), recipe);
                cb.aload(textsLocal).loadConstant(index).aaload();
            } else {
                // a class of one template (precompiled, cached, a hot template's own class):
                // a class-data constant, which the JIT folds (its length known, the copy
                // unrolled); an array element costs the stocks page ~12% of its render time
                cb.ldc(tc.freshConstant(cb.constantPool(), new PreEncodedText(text, utf8), CD_TEXT));
            }
            tc.invoke(cb, Member.OUTPUT_APPEND_TEXT);
        }
        endSkip(skip);
    }

    /**
     * In a template that extends another, text and prints after the {@code extends} are skipped
     * (not even evaluated), as the evaluator does: jumps over the code when the renderer discards.
     */
    Label skipIfDiscarding() {
        if (!tc.hasExtends) {
            return null;
        }
        Label skip = cb.newLabel();
        cb.aload(R);
        tc.invoke(cb, Member.STATE_DISCARDING);
        cb.ifne(skip);
        return skip;
    }

    void endSkip(Label skip) {
        if (skip != null) {
            cb.labelBinding(skip);
        }
    }
}
