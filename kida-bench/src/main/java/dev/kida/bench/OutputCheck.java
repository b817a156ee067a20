package dev.kida.bench;

import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;

/** What every render benchmark checks before it measures. */
final class OutputCheck {
    private OutputCheck() {
    }

    /**
     * Fails the benchmark's setup unless the renderer produces exactly the hand-written page:
     * a faster engine that renders something else measures nothing.
     */
    static Renderer checked(Renderer renderer, Scenario scenario, String engine) {
        String expected = Peer.HANDWRITTEN.adapter().prepare(scenario).render();
        String actual = renderer.render();
        if (!expected.equals(actual)) {
            throw new IllegalStateException(engine + " renders " + scenario.id()
                    + " differently from the hand-written page; run SameOutputTest for the difference");
        }
        return renderer;
    }
}
