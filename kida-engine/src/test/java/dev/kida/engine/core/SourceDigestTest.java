package dev.kida.engine.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's source digest, which names the engine build in precompiled files: the Maven build
 * makes it (execution source-digest), and only a well-formed SHA-256 is taken.
 */
class SourceDigestTest {
    @Test
    void theMavenBuildCompiledADigestIntoTheEngine() {
        String digest = Engine.sourceDigest();
        assertTrue(digest != null && digest.matches("[0-9a-f]{64}"), "digest: " + digest);
    }

    @Test
    void onlyAWellFormedSha256IsTaken() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(hex, Engine.digestOf((Supplier<String>) () -> hex));
        assertNull(Engine.digestOf((Supplier<String>) () -> hex.toUpperCase(java.util.Locale.ROOT)));
        assertNull(Engine.digestOf((Supplier<String>) () -> hex.substring(1)));
        assertNull(Engine.digestOf((Supplier<String>) () -> "${kida.source.digest}"));
        assertNull(Engine.digestOf((Supplier<Integer>) () -> 64));
        assertNull(Engine.digestOf(hex));
        assertNull(Engine.digestOf(null));
    }
}
