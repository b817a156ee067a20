package dev.kida.engine.core;

import java.util.Map;

/**
 * The compiled form of a template.
 *
 * @param code   the generated code
 * @param blocks the body id of each block the template defines
 */
public record Compiled(CompiledCode code, Map<String, Integer> blocks) {
    /** Body id of the template's main body. */
    public static final int MAIN = 0;
}
