/** Jinja2's built-in filters, grouped by the kind of value they work on. */
package dev.kida.engine.filters;
