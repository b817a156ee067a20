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

    StaticText(CodeBuilder cb, TemplateCompiler tc, Constants constants) {
        this.cb = cb;
        this.tc = tc;
        this.constants = constants;
    }

    void append(String text) {
        pending.append(text);
    }

    /** Appends the text collected so far. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        Label skip = skipIfDiscarding();
        cb.aload(R);
        tc.invoke(cb, Member.STATE_OUT);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // ASCII (as long as its encoding) has no surrogates: only other text is scanned
        if (utf8.length != text.length() && hasSurrogate(text)) {
            constants.string(text);
            // appendStatic's outputs take text whose UTF-8 is as long as the text for ASCII
            // (StringOutput copies it as Latin-1 bytes then); a lone surrogate would encode as
            // one '?' and pass for ASCII, so text with surrogates is appended as a String.
            cb.invokevirtual(CD_OUTPUT, "append", MTD_APPEND);
        } else {
            // the text and its encoding as one class-data constant: no String in the constant
            // pool (defining the class hashed each into the JVM's symbol table), one pool
            // constant instead of two
            cb.ldc(tc.freshConstant(cb.constantPool(), new PreEncodedText(text, utf8), CD_TEXT));
            tc.invoke(cb, Member.OUTPUT_APPEND_TEXT);
        }
        endSkip(skip);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
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
