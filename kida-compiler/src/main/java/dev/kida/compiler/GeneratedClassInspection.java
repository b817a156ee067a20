package dev.kida.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Two ways to look at the classes the compiler generates, both off unless asked for by a system
 * property read once at start-up:
 * <ul>
 *   <li>{@code -Dkida.compiler.dumpDir=DIR} writes each class to {@code DIR/<template>.class}
 *       (for {@code javap -c -p}); the build's tests do not set it.</li>
 *   <li>{@code -Dkida.compiler.verify=true} runs the class-file verifier over each class before it
 *       is defined and fails the compile with the verifier's messages; every test run of this
 *       build sets it (see the surefire configuration in the parent POM), so each template the
 *       tests compile is verified.</li>
 * </ul>
 */
final class GeneratedClassInspection {
    private static final boolean VERIFY = Boolean.getBoolean("kida.compiler.verify");
    private static final String DUMP_DIR = System.getProperty("kida.compiler.dumpDir");

    private GeneratedClassInspection() {}

    static void inspect(ClassFile context, String templateName, byte[] bytes) {
        if (DUMP_DIR != null) {
            dump(Path.of(DUMP_DIR), templateName, bytes);
        }
        if (VERIFY) {
            List<VerifyError> errors = context.verify(bytes);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("generated class for template '" + templateName + "' fails verification: "
                        + errors.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
            }
        }
    }

    private static void dump(Path dir, String templateName, byte[] bytes) {
        // Template names may hold '/' and characters a file name cannot: keep a readable, flat name.
        String file = templateName.replaceAll("[^A-Za-z0-9._-]", "_") + ".class";
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated class of '" + templateName + "' to " + dir, e);
        }
    }
}
