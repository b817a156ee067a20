package dev.kida.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's source check as the JVM sees it: no verdict property, or an empty verdict, lets
 * the run go on; a changed source runs the launcher again on the same arguments, with
 * KIDA_CHECK_SOURCES=1, and reports its status. (LauncherTest runs the real script.)
 */
class LauncherGateTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(LauncherGate.GATE);
        System.clearProperty(LauncherGate.SCRIPT);
    }

    @Test
    void withoutTheLauncherTheRunGoesOn() {
        assertEquals(-1, LauncherGate.await(new String[] {"--version"}));
    }

    @Test
    void anEmptyVerdictLetsTheRunGoOn() throws Exception {
        Path gate = Files.writeString(dir.resolve("gate"), "");
        Path ran = dir.resolve("ran");
        System.setProperty(LauncherGate.GATE, gate.toString());
        System.setProperty(LauncherGate.SCRIPT, script(ran, 0).toString());
        assertEquals(-1, LauncherGate.await(new String[] {"--version"}));
        assertFalse(Files.exists(ran), "the launcher ran again although nothing changed");
    }

    @Test
    void aChangedSourceRunsTheLauncherAgainAndReportsItsStatus() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path gate = Files.writeString(dir.resolve("gate"), "/src/main/java/Changed.java\n");
        Path ran = dir.resolve("ran");
        System.setProperty(LauncherGate.GATE, gate.toString());
        System.setProperty(LauncherGate.SCRIPT, script(ran, 7).toString());
        assertEquals(7, LauncherGate.await(new String[] {"render", "a b.html"}));
        assertEquals("render|a b.html|1\n", Files.readString(ran));
    }

    @Test
    void anUnreadableVerdictCountsAsChanged() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path ran = dir.resolve("ran");
        System.setProperty(LauncherGate.GATE, dir.resolve("missing").toString());
        System.setProperty(LauncherGate.SCRIPT, script(ran, 0).toString());
        assertEquals(0, LauncherGate.await(new String[] {"--version"}));
        assertEquals("--version||1\n", Files.readString(ran));
    }

    /** A stand-in launcher that writes its first two arguments and KIDA_CHECK_SOURCES, then exits. */
    private Path script(Path ran, int status) throws Exception {
        Path script = dir.resolve("kida");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s|%s\\n' \"$1\" \"$2\" \"$KIDA_CHECK_SOURCES\" > '"
                + ran + "'\nexit " + status + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
