/**
 * What templates, extensions and applications share with the engine: the {@link dev.kida.api.Filter},
 * {@link dev.kida.api.Test} and {@link dev.kida.api.GlobalFunction} extension points with the
 * {@link dev.kida.api.CallContext} they run in, loaders ({@link dev.kida.api.TemplateLoader}),
 * safe HTML ({@link dev.kida.api.Markup}) and the exception hierarchy under
 * {@link dev.kida.api.KidaException}. It has no engine code, so extensions compile against it alone.
 */
package dev.kida.api;
