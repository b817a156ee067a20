/**
 * HTML as the runtime sees it: escaping a value to {@code Markup} (with the SPI's escaping
 * rule), and Markup's {@code unescape}/{@code striptags} with HTML's named entities.
 */
package dev.kida.engine.runtime.html;
