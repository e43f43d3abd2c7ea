package io.unum.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM's main: opens the store named by its argument and prints {@code OPENED}, or
 * {@code REFUSED <message>} if the store refuses; once opened, it holds the store until a line
 * arrives on its standard input, then closes it and prints {@code CLOSED}.
 */
public final class OpenProbe {

    private OpenProbe() {
    }

    public static void main(String[] args) throws IOException {
        JdbcGraphStore store;
        try {
            store = JdbcGraphStore.open(args[0]);
        } catch (StoreException e) {
            System.out.println("REFUSED " + e.getMessage().replace('\n', ' '));
            System.out.flush();
            return;
        }
        System.out.println("OPENED");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        store.close();
        System.out.println("CLOSED");
        System.out.flush();
    }
}
