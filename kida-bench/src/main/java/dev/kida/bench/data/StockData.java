package dev.kida.bench.data;

import java.util.List;

/**
 * The 20 quotes of the stocks page.
 *
 * <p>The data is chosen so that every engine's own HTML escaping and number printing give the
 * same bytes, without normalising anything afterwards:
 * <ul>
 *   <li>text contains {@code &}, {@code <} and {@code >}, which every engine escapes alike, but no
 *       quote, apostrophe, backtick, {@code =} or non-ASCII character: engines disagree on those
 *       ({@code &#39;} vs {@code &#x27;}, Mustache escapes {@code =} and backtick, Velocity's
 *       escaper turns non-ASCII into named entities);</li>
 *   <li>numbers have at most two decimals and are never whole (Java prints {@code 1.0}, FreeMarker
 *       {@code 1}) nor tiny (no exponent notation).</li>
 * </ul>
 */
public final class StockData {
    private static final List<Stock> ITEMS = List.of(
            new Stock("Adobe Systems", "Adobe Systems Inc.", "https://www.adobe.com", "ADBE", 39.26, 0.13, 0.33),
            new Stock("Advanced Micro Devices", "Advanced Micro Devices Inc.", "https://www.amd.com", "AMD", 16.22, 0.17, 1.06),
            new Stock("Amazon.com", "Amazon.com Inc", "https://www.amazon.com", "AMZN", 36.85, -0.23, -0.62),
            new Stock("Apple", "Apple Inc.", "https://www.apple.com", "AAPL", 85.38, -0.87, -1.01),
            new Stock("AT&T", "AT&T Inc.", "https://www.att.com", "T", 12.46, 0.09, 0.73),
            new Stock("CA", "CA, Inc.", "https://www.ca.com", "CA", 24.66, 0.38, 1.57),
            new Stock("Cisco Systems", "Cisco Systems Inc.", "https://www.cisco.com", "CSCO", 26.35, 0.13, 0.51),
            new Stock("Dell", "Dell Corp.", "https://www.dell.com/", "DELL", 23.73, -0.42, -1.74),
            new Stock("eBay", "eBay Inc.", "https://www.ebay.com", "EBAY", 31.65, -0.81, -2.47),
            new Stock("Google", "Google Inc.", "https://www.google.com", "GOOG", 495.84, 7.75, 1.59),
            new Stock("Hewlett-Packard", "Hewlett-Packard Co.", "https://www.hp.com", "HPQ", 41.69, -0.02, -0.05),
            new Stock("IBM", "International Business Machines Corp.", "https://www.ibm.com", "IBM", 97.45, -0.06, -0.06),
            new Stock("Intel", "Intel Corp.", "https://www.intel.com", "INTC", 20.53, -0.07, -0.34),
            new Stock("Johnson & Johnson", "Johnson & Johnson", "https://www.jnj.com", "JNJ", 18.96, 0.52, 2.71),
            new Stock("Microsoft", "Microsoft Corp", "https://www.microsoft.com", "MSFT", 30.61, 0.15, 0.49),
            new Stock("Oracle", "Oracle Corp.", "https://www.oracle.com", "ORCL", 17.15, 0.17, 1.02),
            new Stock("SAP", "SAP AG", "https://www.sap.com", "SAP", 46.21, -0.16, -0.35),
            new Stock("Seagate Technology", "Seagate Technology", "https://www.seagate.com/", "STX", 27.35, -0.36, -1.32),
            new Stock("Small <Caps>", "Small Caps Fund", "https://www.example.com/small", "SMC", 6.33, -0.01, -0.16),
            new Stock("Yahoo", "Yahoo Inc.", "https://www.yahoo.com", "YHOO", 28.04, -0.17, -0.61));

    private StockData() {
    }

    /** The quotes, in page order; an immutable list shared by all engines. */
    public static List<Stock> items() {
        return ITEMS;
    }
}
