package dev.kida.bench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1,000 rows of the large page, made deterministically. As in {@link StockData}, the text uses
 * {@code &}, {@code <} and {@code >} (escaped alike by every engine) and avoids quotes,
 * apostrophes, backticks, {@code =} and non-ASCII characters (escaped differently).
 */
public final class PersonData {
    /** How many rows the large page has. */
    public static final int ROWS = 1_000;

    private static final String[] FIRST = {"Ada", "Alan", "Barbara", "Dennis", "Edsger", "Frances",
            "Grace", "John", "Ken", "Margaret"};
    private static final String[] LAST = {"Lovelace", "Turing", "Liskov", "Ritchie", "Dijkstra",
            "Allen", "Hopper", "Backus", "Thompson", "Hamilton"};
    private static final String[] CITIES = {"Minneapolis & St. Paul", "Boston", "Zurich", "Kyoto",
            "Dallas & Fort Worth", "Lyon", "Austin"};
    private static final String[] COMPANIES = {"Acme <Widgets>", "Globex", "Initech & Sons",
            "Umbrella", "Stark <Industries>"};
    private static final List<Person> PEOPLE = make();

    private PersonData() {
    }

    /** The rows, in page order; an immutable list shared by all engines. */
    public static List<Person> people() {
        return PEOPLE;
    }

    private static List<Person> make() {
        List<Person> people = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            people.add(new Person(
                    "P" + (10000 + i),
                    first + " " + last,
                    first.toLowerCase() + "." + last.toLowerCase() + i + "@example.com",
                    CITIES[i % CITIES.length],
                    COMPANIES[i % COMPANIES.length],
                    i % 3 == 0 ? "score < " + i : "rank " + (i % 17) + " > median"));
        }
        return List.copyOf(people);
    }
}
