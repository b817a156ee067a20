/**
 * The i18n extension's runtime: message catalogues (GNU gettext {@code .mo} files, Java
 * {@code ResourceBundle}s), the plural-forms expressions of gettext headers, and the
 * {@code gettext}/{@code ngettext}/{@code pgettext}/{@code npgettext}/{@code _} globals templates
 * call, old style and new style, as Jinja2's {@code jinja2.ext.i18n} installs them.
 */
package dev.kida.engine.i18n;
