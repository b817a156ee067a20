/**
 * What is known about a template before it runs, computed once when it is loaded and used by
 * both backends: the load-time checks Jinja2 makes, the index of blocks, the facts about loops
 * and macro bodies renders rely on, the names a body binds and uses, and the scope facts a
 * backend with its own variable slots needs. Every analysis goes through the one
 * {@link dev.kida.engine.analysis.Traversal}.
 */
package dev.kida.engine.analysis;
