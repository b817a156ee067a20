package dev.kida.engine.core;

import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape-class settings: set on the builder, else from the system properties (as before the
 * builder had them), else the defaults; out-of-range values refused with the setting's name.
 */
class CompileSettingsTest {
    @Test
    void aCountSetInCodeWinsOverThePropertyWhichWinsOverTheDefault() {
        String shapes = System.getProperty(CompileSettings.SHAPE_CLASSES_PROPERTY);
        String own = System.getProperty(CompileSettings.OWN_CLASS_AFTER_PROPERTY);
        try {
            System.clearProperty(CompileSettings.SHAPE_CLASSES_PROPERTY);
            System.clearProperty(CompileSettings.OWN_CLASS_AFTER_PROPERTY);
            assertEquals(new CompileSettings(50, 256, 1000), CompileSettings.of(50, null, null));
            System.setProperty(CompileSettings.SHAPE_CLASSES_PROPERTY, "7");
            System.setProperty(CompileSettings.OWN_CLASS_AFTER_PROPERTY, "-3");
            assertEquals(new CompileSettings(50, 7, 0), CompileSettings.of(50, null, null), "a negative property counts as 0");
            assertEquals(new CompileSettings(9, 3, 12), CompileSettings.of(9, 3, 12));
        } finally {
            restore(CompileSettings.SHAPE_CLASSES_PROPERTY, shapes);
            restore(CompileSettings.OWN_CLASS_AFTER_PROPERTY, own);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void theBuilderRefusesNegativeCountsWithTheSettingsName() {
        var shapes = assertThrows(IllegalArgumentException.class, () -> Environment.builder().shapeClasses(-1));
        assertTrue(shapes.getMessage().contains("shape classes") && shapes.getMessage().contains("-1"), shapes.getMessage());
        var own = assertThrows(IllegalArgumentException.class, () -> Environment.builder().ownClassAfter(-5));
        assertTrue(own.getMessage().contains("own class") && own.getMessage().contains("-5"), own.getMessage());
        // 0 is a setting: no shape classes, never a class of its own
        Environment.builder().shapeClasses(0).ownClassAfter(0);
    }

    @Test
    void theRecordRefusesNegativeCounts() {
        // the builder's rules, one definition: a threshold of at least 1, counts of 0 or more
        assertThrows(IllegalArgumentException.class, () -> new CompileSettings(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CompileSettings(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CompileSettings(1, 0, -1));
        new CompileSettings(1, 0, 0);
    }
}
