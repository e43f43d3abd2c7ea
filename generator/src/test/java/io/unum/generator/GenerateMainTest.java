package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMainTest {

    @Test
    void writesTheSameFilesAsTheLibrary(@TempDir Path dir) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            GenerateMain.main(new String[] {"--people", "300", "--seed", "5", "--out", dir.resolve("main").toString()});
        } finally {
            System.setOut(original);
        }
        CustomerDataGenerator.newBuilder().people(300).seed(5).build().writeTo(dir.resolve("lib"));
        for (String file : new String[] {CustomerDataGenerator.RECORDS_FILE, CustomerDataGenerator.TRUTH_FILE}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("lib").resolve(file)),
                    Files.readAllBytes(dir.resolve("main").resolve(file)), file);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(output.startsWith("300 people, "), output);
    }
}
