/** The value model both backends share: Python-like values, truth, comparison, arithmetic, attribute access policy, string methods and formatting, template objects and HTML. */
package dev.kida.engine.runtime;
