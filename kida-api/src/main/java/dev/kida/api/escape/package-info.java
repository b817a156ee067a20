/**
 * The HTML-escaper service interface: {@link dev.kida.api.escape.EscaperProvider} implementations
 * found through {@link java.util.ServiceLoader}, the escaping rule every backend must follow
 * ({@link dev.kida.api.escape.HtmlEscapes}) and the skeleton bulk backends share.
 */
package dev.kida.api.escape;
