package dev.kida.engine.core;

import dev.kida.api.TemplateSource;

/**
 * Where an engine finds templates already compiled (precompiled folders, the on-disk cache) and
 * offers the ones it had to parse. Implementations never hand back code for another source: a
 * stale, damaged or foreign entry is ignored (the engine then parses), never run.
 */
public interface CompiledStore {
    /** A unit ready to run for exactly this source, or null when there is none to trust. */
    PreparedTemplate find(TemplateSource source, Engine engine);

    /** Called with each unit the engine parsed from its loader; may compile and keep it. */
    void parsed(PreparedTemplate unit, TemplateSource source, Engine engine);

    /** No store: every template is parsed. */
    CompiledStore NONE = new CompiledStore() {
        @Override
        public PreparedTemplate find(TemplateSource source, Engine engine) {
            return null;
        }

        @Override
        public void parsed(PreparedTemplate unit, TemplateSource source, Engine engine) {
        }
    };
}
