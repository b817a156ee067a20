package dev.kida.bench.data;

/**
 * One row of the escape-heavy large page: six text fields, all escaped on output, read through
 * JavaBean getters as every engine reads them.
 */
public final class Contact {
    private final String name;
    private final String email;
    private final String city;
    private final String company;
    private final String note;
    private final String status;

    /** A directory entry. */
    public Contact(String name, String email, String city, String company, String note, String status) {
        this.name = name;
        this.email = email;
        this.city = city;
        this.company = company;
        this.note = note;
        this.status = status;
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

    /** The account status. */
    public String getStatus() {
        return status;
    }
}
