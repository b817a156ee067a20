package dev.kida.engine.parser;

import dev.kida.engine.ast.Pos;

/**
 * A {@code {% end %}} that closed a block which also has an explicit closer.
 *
 * @param pos    where the {@code end} tag's name stands
 * @param tag    the tag of the block it closed
 * @param closer the explicit closer that could stand there ({@code endif}, {@code enddef}...)
 */
public record BareEnd(Pos pos, String tag, String closer) {
}
