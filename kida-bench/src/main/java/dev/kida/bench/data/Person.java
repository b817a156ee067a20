package dev.kida.bench.data;

/** One row of the large page: six text fields, all escaped on output. A JavaBean, as {@link Stock}. */
public final class Person {
    private final String id;
    private final String name;
    private final String email;
    private final String city;
    private final String company;
    private final String note;

    /** A directory entry. */
    public Person(String id, String name, String email, String city, String company, String note) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.city = city;
        this.company = company;
        this.note = note;
    }

    /** The identifier. */
    public String getId() {
        return id;
    }

    /** The full name. */
    public String getName() {
        return name;
    }

    /** The e-mail address. */
    public String getEmail() {
        return email;
    }

    /** The home city. */
    public String getCity() {
        return city;
    }

    /** The employer. */
    public String getCompany() {
        return company;
    }

    /** A free-text note. */
    public String getNote() {
        return note;
    }
}
