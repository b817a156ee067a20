package dev.kida.engine;

import dev.kida.engine.lexer.LexerOptions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options text that keys stored compiled code (precompiled files, the compiled cache): it
 * names every lexer option, so that code made under other options is never run, and it is the
 * same whatever order the options were given in.
 */
class EngineCodeOptionsTest {
    @Test
    void everyLexerOptionIsInTheText() {
        String options = Environment.builder().build().engine().codeOptions("a.html");
        for (RecordComponent c : LexerOptions.class.getRecordComponents()) {
            assertTrue(options.contains(c.getName() + "="), c.getName() + " is missing from " + options);
        }
    }

    @Test
    void eachOptionChangesTheTextAndOrderDoesNot() {
        String plain = Environment.builder().build().engine().codeOptions("a.html");
        assertNotEquals(plain, Environment.builder().trimBlocks(true).build().engine().codeOptions("a.html"));
        assertNotEquals(plain, Environment.builder().lstripBlocks(true).build().engine().codeOptions("a.html"));
        assertNotEquals(plain, Environment.builder().keepTrailingNewline(true).build().engine().codeOptions("a.html"));
        assertNotEquals(plain, Environment.builder().autoescape(false).build().engine().codeOptions("a.html"));
        String both = Environment.builder().extension("do").extension("loopcontrols").build().engine().codeOptions("a.html");
        assertNotEquals(plain, both);
        assertEquals(both, Environment.builder().extension("loopcontrols").extension("do").build().engine().codeOptions("a.html"));
    }
}
