package dev.kida.bench.engine;

import dev.kida.bench.data.ContactData;
import dev.kida.bench.data.PersonData;
import dev.kida.bench.data.StockData;

import java.util.Map;

/** A page every engine renders, with the data it is rendered from. */
public enum Scenario {
    /** The classic template-benchmark page: 20 stock quotes in a table. */
    STOCKS("stocks", Map.of("items", StockData.items())),
    /** About 100 KB: 1,000 rows of 6 escaped fields inside a 3-level layout. */
    LARGE("large", Map.of("rows", PersonData.people())),
    /**
     * The escape-heavy large page of issue 13: about 126 KB, 1,000 rows of six String fields read
     * through JavaBean getters, 944 of the 6,000 values to escape, inside a 3-level layout (a base
     * with {@code title} and {@code body}, a section filling {@code body} with a nav and a
     * {@code content} block, the page filling {@code content} with the table).
     */
    ESCAPED("escaped", Map.of("rows", ContactData.contacts()));

    private final String id;
    private final Map<String, Object> context;

    Scenario(String id, Map<String, Object> context) {
        this.id = id;
        this.context = context;
    }

    /** The lower-case name, also the base name of the scenario's template files. */
    public String id() {
        return id;
    }

    /** The template variables: {@code items} (stocks) or {@code rows} (large, escaped). Immutable. */
    public Map<String, Object> context() {
        return context;
    }
}
