/** Jinja2's built-in tests ({@code is defined}, {@code is odd}, ...). */
package dev.kida.engine.tests;
