package dev.kida.cli;

/** Entry point of the {@code kida} command. (Placeholder until the CLI lands.) */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("kida 0.1.0-SNAPSHOT");
    }
}
