package dev.kida.bench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1,000 rows of the escape-heavy large page (issue 13), made deterministically: 944 of the
 * 6,000 values contain {@code &}, {@code <} or {@code >} (names with {@code <admin>}, companies
 * such as {@code Johnson & Johnson} and {@code <Stark>}, notes such as {@code <b>vip</b>} and
 * {@code x > y}), about 126 KB of page. As in {@link StockData}, the text avoids quotes,
 * apostrophes, backticks, {@code =} and non-ASCII characters, which engines escape differently.
 */
public final class ContactData {
    /** How many rows the page has. */
    public static final int ROWS = 1_000;
    /** How many of the {@code 6 * ROWS} values contain a character that needs escaping. */
    public static final int VALUES_TO_ESCAPE = 944;

    private static final String[] FIRST = {"Ada", "Alan", "Barbara", "Dennis", "Edsger", "Frances",
            "Grace", "John", "Ken", "Margaret", "Niklaus"};
    private static final String[] LAST = {"Lovelace", "Turing", "Liskov", "Ritchie", "Dijkstra",
            "Allen", "Hopper", "Backus", "Thompson", "Hamilton", "Wirth", "Knuth", "Kay"};
    private static final String[] CITIES = {"Boston", "Minneapolis & St. Paul", "Zurich", "Kyoto",
            "Dallas & Fort Worth", "Lyon", "Austin", "Oslo"};
    private static final String[] COMPANIES = {"Johnson & Johnson", "Globex", "<Stark>", "Initech",
            "Umbrella", "Procter & Gamble", "Hooli", "Wayne", "Acme"};
    private static final String[] STATUS = {"active", "new", "active", "away", "on hold", "active",
            "review < 30 days"};
    private static final List<Contact> CONTACTS = make();

    private ContactData() {
    }

    /** The rows, in page order; an immutable list shared by all engines. */
    public static List<Contact> contacts() {
        return CONTACTS;
    }

    private static List<Contact> make() {
        List<Contact> contacts = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[i * 7 % LAST.length];
            int k = i % 12;
            String note = k == 0 ? "<b>vip</b>" : k == 5 ? "x > y" : k % 2 == 1 ? "call" : "ok";
            contacts.add(new Contact(
                    first + " " + last + (i % 19 == 0 ? " <admin>" : ""),
                    first.toLowerCase(java.util.Locale.ROOT) + i + "@corp.io",
                    CITIES[i % CITIES.length],
                    COMPANIES[i % COMPANIES.length],
                    note,
                    STATUS[i % STATUS.length]));
        }
        return List.copyOf(contacts);
    }
}
