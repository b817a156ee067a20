package dev.kida.bench.data;

/**
 * One row of the stocks page. A JavaBean with getters (not a record) because that is the one
 * shape every engine in the comparison can read: Jinjava, Thymeleaf (OGNL) and Handlebars resolve
 * properties through bean getters only.
 */
public final class Stock {
    private final String name;
    private final String name2;
    private final String url;
    private final String symbol;
    private final double price;
    private final double change;
    private final double ratio;

    /** A stock quote. */
    public Stock(String name, String name2, String url, String symbol, double price, double change,
                 double ratio) {
        this.name = name;
        this.name2 = name2;
        this.url = url;
        this.symbol = symbol;
        this.price = price;
        this.change = change;
        this.ratio = ratio;
    }

    /** The short company name. */
    public String getName() {
        return name;
    }

    /** The full company name. */
    public String getName2() {
        return name2;
    }

    /** The company's web site. */
    public String getUrl() {
        return url;
    }

    /** The ticker symbol. */
    public String getSymbol() {
        return symbol;
    }

    /** The share price. */
    public double getPrice() {
        return price;
    }

    /** Today's change of the price. */
    public double getChange() {
        return change;
    }

    /** Today's change in percent. */
    public double getRatio() {
        return ratio;
    }

    /**
     * Whether the price went down. Only the logic-less engines (Mustache, Handlebars) read this:
     * they cannot compare numbers in the template.
     */
    public boolean isNegative() {
        return change < 0;
    }
}
