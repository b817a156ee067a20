package dev.kida.tests.jpms;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.UndefinedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kida.engine.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's module on the module path, the way the README tells users to set it up, and the ways
 * users get it wrong: every wrong way fails with an error that names the fix.
 */
class UserModuleAccessTest {
    /** module-info with nothing but {@code requires kida.engine}. */
    static UserModule bare;
    /** module-info with the lines docs/user-guide.md lists. */
    static UserModule declared;

    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException {
        bare = UserModule.compile(dir.resolve("bare"));
        declared = UserModule.compile(dir.resolve("declared"),
                "    exports com.example.app.model to kida.engine;",
                "    opens templates to kida.engine;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERPRETED", "COMPILED"})
    void aRecordInAPackageNotExportedToTheEngineNamesTheMissingLine(String mode) throws Throwable {
        Class<?> app = bare.load();
        UndefinedException e = assertThrows(UndefinedException.class, () -> UserModule.call(app, "person", mode, false));
        String message = e.getMessage();
        assertTrue(message.contains("has no attribute 'name'"), message);
        assertTrue(message.contains("\"exports com.example.app.model to kida.engine;\""), message);
        assertTrue(message.contains("module com.example.app"), message);
        assertTrue(message.contains(".lookup(MethodHandles.lookup())"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERPRETED", "COMPILED"})
    void theModulesOwnLookupGrantsAccessWithoutExports(String mode) throws Throwable {
        Class<?> app = bare.load();
        assertEquals("Ada (Dr)", UserModule.call(app, "person", mode, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERPRETED", "COMPILED"})
    void theDocumentedExportsLineIsEnough(String mode) throws Throwable {
        assertEquals("Ada (Dr)", UserModule.call(declared.load(), "person", mode, false));
    }

    @Test
    void aLookupWithoutFullPrivilegeIsRefusedWithTheFix() throws Throwable {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserModule.call(bare.load(), "publicLookup"));
        assertTrue(e.getMessage().contains("pass MethodHandles.lookup() called in a class of your own module"),
                e.getMessage());
    }

    @Test
    void anEncapsulatedTemplateFolderNamesTheMissingOpensLine() throws Throwable {
        KidaException e = assertThrows(KidaException.class, () -> UserModule.call(bare.load(), "page", false, "hello.html"));
        assertFalse(e instanceof TemplateNotFoundException, e.toString());
        assertTrue(e.getMessage().contains("\"opens templates to kida.engine;\""), e.getMessage());
        assertTrue(e.getMessage().contains("Loaders.module(MethodHandles.lookup(), prefix)"), e.getMessage());
    }

    @Test
    void theLookupLoaderReadsTheModulesOwnTemplatesWithoutOpens() throws Throwable {
        assertEquals("Hello &lt;world&gt;!", UserModule.call(bare.load(), "page", true, "hello.html"));
        assertThrows(TemplateNotFoundException.class, () -> UserModule.call(bare.load(), "page", true, "nope.html"));
    }

    @Test
    void theDocumentedOpensLineIsEnoughAndAMissingTemplateIsStillNotFound() throws Throwable {
        assertEquals("Hello &lt;world&gt;!", UserModule.call(declared.load(), "page", false, "hello.html"));
        assertThrows(TemplateNotFoundException.class, () -> UserModule.call(declared.load(), "page", false, "nope.html"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aNamedModulesTemplatesReloadWhenOnAndNotWhenOff(boolean lookupLoader) throws Throwable {
        Class<?> app = declared.load();
        Environment on = (Environment) UserModule.call(app, "environment", lookupLoader, true);
        Environment off = (Environment) UserModule.call(app, "environment", lookupLoader, false);
        Path file = declared.template("reload.html");
        Files.writeString(file, "one");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000));
        assertEquals("one", on.getTemplate("reload.html").render(Map.of()));
        assertEquals("one", off.getTemplate("reload.html").render(Map.of()));
        Files.writeString(file, "two");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000));
        assertEquals("two", on.getTemplate("reload.html").render(Map.of()), "reload on: the edit is seen");
        assertEquals("one", off.getTemplate("reload.html").render(Map.of()), "reload off: the cached template stays");
    }
}
