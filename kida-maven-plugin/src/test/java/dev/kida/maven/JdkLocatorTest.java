package dev.kida.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdkLocatorTest {
    @Test
    void readsTheFeatureReleaseOfAVersionString() {
        assertEquals(25, JdkLocator.parseFeature("\"25.0.1\""));
        assertEquals(26, JdkLocator.parseFeature("26-ea"));
        assertEquals(17, JdkLocator.parseFeature("17"));
        assertEquals(8, JdkLocator.parseFeature("\"1.8.0_392\""));
        assertEquals(-1, JdkLocator.parseFeature("banana"));
        assertEquals(-1, JdkLocator.parseFeature(null));
    }

    @Test
    void acceptsAJdk25AndRejectsAnOlderOneSayingWhy(@TempDir Path dir) throws IOException {
        Path jdk25 = fakeJdk(dir.resolve("jdk25"), "25.0.1");
        Path jdk17 = fakeJdk(dir.resolve("jdk17"), "17.0.15");
        List<String> rejected = new ArrayList<>();
        Optional<JdkLocator.Jdk> found = JdkLocator.check(jdk25, "a test", rejected);
        assertTrue(found.isPresent());
        assertEquals(jdk25.resolve("bin/java"), found.get().java());
        assertTrue(JdkLocator.check(jdk17, "the old one", rejected).isEmpty());
        assertTrue(JdkLocator.check(dir.resolve("nowhere"), "a missing one", rejected).isEmpty());
        assertEquals(List.of("the old one (" + jdk17 + ") is Java 17",
                "a missing one (" + dir.resolve("nowhere") + ") has no executable bin/java"), rejected);
    }

    @Test
    void aJdkHomeParameterThatIsTooOldFailsWithTheFix(@TempDir Path dir) throws IOException {
        Path jdk17 = fakeJdk(dir, "17.0.15");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> JdkLocator.locate(jdk17, null, null));
        assertTrue(e.getMessage().contains("is Java 17"), e.getMessage());
        assertTrue(e.getMessage().contains("JDK 25 or newer"), e.getMessage());
    }

    @Test
    void theNoJdkMessageSaysHowToFixIt() {
        String message = JdkLocator.noJdkMessage(List.of("JAVA_HOME (/opt/jdk17) is Java 17"));
        assertTrue(message.contains("JAVA_HOME (/opt/jdk17) is Java 17"), message);
        assertTrue(message.contains("select-jdk-toolchain"), message);
        assertTrue(message.contains("<version>[25,)</version>"), message);
        assertTrue(message.contains("-Dkida.jdkHome="), message);
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
