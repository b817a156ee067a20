package dev.kida.engine.core;

/** When the engine asks its {@link CodeGenerator} for code: the public execution mode, as the engine sees it. */
public enum CompilePolicy {
    /** Never: every render walks the tree. */
    NEVER,
    /** When the template is loaded, before its first render. */
    AT_LOAD,
    /** In the background, once the template has rendered often enough to be worth it. */
    WHEN_WARM
}
