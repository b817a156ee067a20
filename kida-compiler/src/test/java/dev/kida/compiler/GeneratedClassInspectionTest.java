package dev.kida.compiler;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedClassInspectionTest {

    @Test
    void testsOfThisBuildVerifyEveryGeneratedClass() {
        assertTrue(Boolean.getBoolean("kida.compiler.verify"), "the surefire configuration should set kida.compiler.verify");
        Template t = Environment.builder().mode(ExecutionMode.COMPILED).build()
                .fromString("{% for x in xs %}{{ loop.index }}{{ x.a if x is mapping else x }}{% endfor %}");
        assertTrue(t.isCompiled(), () -> "compile failure: " + t.compileFailure());
        assertEquals("1a2b", t.render(Map.of("xs", java.util.List.of(Map.of("a", "a"), "b"))));
    }

    @Test
    void aClassThatDoesNotVerifyIsRefused() {
        // returns null where the method's descriptor promises an int
        byte[] bad = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS).build(ClassDesc.of("Bad"),
                clb -> clb.withMethodBody("f", MethodTypeDesc.of(ConstantDescs.CD_int), ClassFile.ACC_STATIC,
                        cob -> cob.aconst_null().ireturn()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GeneratedClassInspection.inspect(ClassFile.of(), "bad.html", bad));
        assertTrue(e.getMessage().contains("'bad.html' fails verification"), e.getMessage());
    }
}
