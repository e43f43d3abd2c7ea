package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and mistaken input through the command line: each case must stop with one line that
 * names the file, the line or the column and the reason (no Java class name, no personal value),
 * or be read correctly and say how.
 */
class BadInputTest {

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The failure contract: status, one line of diagnosis, no class name, no stack trace. */
    private static void assertOneLineError(CliRun run, int status, String... expected) {
        assertEquals(status, run.status(), run.out() + run.err());
        for (String part : expected) {
            assertTrue(run.err().contains(part), "expected '" + part + "' in: " + run.err());
        }
        assertFalse(run.err().matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), "no Java class name: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(run.err().strip().lines().filter(l -> !l.startsWith("note: ") && !l.startsWith("warning: ")).count() <= 2,
                "one line and at most a hint: " + run.err());
        assertFalse(run.out().contains("Resolved"), "nothing resolved: " + run.out());
    }

    @Test
    void anInternalErrorSaysSoAndHowToSeeWhereAnInputProblemIsOneLine() {
        String internal = Main.message(new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 2"));
        assertTrue(internal.startsWith("internal error (ArrayIndexOutOfBoundsException: Index 7"), internal);
        assertTrue(internal.contains("UNUM_DEBUG=1"), internal);
        assertTrue(Main.internal(new NullPointerException()));
        String input = Main.message(new IllegalArgumentException("--input x.csv line 3: expected a date"));
        assertEquals("--input x.csv line 3: expected a date", input);
        assertFalse(Main.internal(new IllegalArgumentException("--input x.csv line 3: expected a date")));
        assertFalse(Main.internal(new IllegalStateException("--store: another writer has it")));
    }

    @Test
    void duplicateColumnNamesAreRefusedNamingTheColumn(@TempDir Path dir) throws Exception {
        Path input = write(dir, "dup.csv", "record_id,email,phone,Email \n1,ann@example.org,555-0100,bob@example.org\n");
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(run, 1, "dup.csv", "names column Email twice", "columns 2 and 4",
                "email and Email compare equal");
        assertFalse(run.err().contains("example.org"), "no value: " + run.err());
    }

    @Test
    void aDuplicateFreeSourceMustBeAnInputsSourceAndKeepsItsRecordsApart(@TempDir Path dir) throws Exception {
        Path input = write(dir, "crm.csv", "record_id,first_name,last_name,email\n"
                + "1,Ann,Lee,lee.family@mail.example.org\n2,Ann,Lee,lee.family@mail.example.org\n");
        CliRun typo = CliRun.run("resolve", "--input", input.toString(), "--duplicate-free", "cmr", "--out",
                dir.resolve("out").toString());
        assertOneLineError(typo, 1, "--duplicate-free cmr", "no input record has this source", "[crm]");
        CliRun together = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("one").toString());
        assertEquals(0, together.status(), together.err());
        assertEquals(1, Files.readAllLines(dir.resolve("one/profiles.jsonl")).size(), "one e-mail, one profile");
        CliRun apart = CliRun.run("resolve", "--input", input.toString(), "--duplicate-free", "crm", "--out",
                dir.resolve("two").toString());
        assertEquals(0, apart.status(), apart.err());
        assertEquals(2, Files.readAllLines(dir.resolve("two/profiles.jsonl")).size(), "each CRM row is its own person");
    }

    @Test
    void latin1BytesAreRefusedWithTheLineOrReadWithEncoding(@TempDir Path dir) throws Exception {
        byte[] latin1 = "record_id,first_name,last_name\n1,Ann,Lee\n2,Jos\u00e9,Ruiz\n".getBytes(StandardCharsets.ISO_8859_1);
        Path input = Files.write(dir.resolve("latin1.csv"), latin1);
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(run, 1, "latin1.csv line 3", "not UTF-8", "--encoding windows-1252");
        assertFalse(run.err().contains("Jos"), "no value: " + run.err());

        CliRun read = CliRun.run("resolve", "--input", input.toString(), "--encoding", "windows-1252", "--out",
                dir.resolve("out").toString());
        assertEquals(0, read.status(), read.err());
        assertTrue(Files.readString(dir.resolve("out/profiles.jsonl")).contains("Jos\u00e9"), "decoded as windows-1252");

        CliRun unknown = CliRun.run("resolve", "--input", input.toString(), "--encoding", "latin-99");
        assertOneLineError(unknown, 2, "--encoding latin-99");
    }

    @Test
    void semicolonAndTabDelimitersAreDetectedAndReported(@TempDir Path dir) throws Exception {
        for (String[] c : new String[][] {{";", "semicolons"}, {"\t", "tabs"}, {"|", "bars"}}) {
            String d = c[0];
            Path input = write(dir, "in.csv", "record_id" + d + "first_name" + d + "email\n"
                    + "A1" + d + "Ann" + d + "ann@example.com\nA2" + d + "\"Bob" + d + " Jr\"" + d + "bob@example.com\n");
            CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
            assertEquals(0, run.status(), run.err());
            assertTrue(run.err().contains("in.csv: columns separated by " + c[1]), run.err());
            List<String> clusters = Files.readAllLines(dir.resolve("out/clusters.csv"));
            assertTrue(clusters.get(1).startsWith("A1,") && clusters.get(2).startsWith("A2,"), "ids read: " + clusters);
            assertTrue(Files.readString(dir.resolve("out/profiles.jsonl")).contains("\"Bob" + (d.equals("\t") ? "\\t" : d)
                    + " Jr\""), "a quoted delimiter stays in its value");
        }
        Path commas = write(dir, "commas.csv", "record_id,first_name\nA1,Ann\n");
        CliRun run = CliRun.run("resolve", "--input", commas.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertFalse(run.err().contains("separated by"), "commas are not worth a warning: " + run.err());

        Path semicolons = write(dir, "forced.csv", "record_id;first_name\nA1;Ann\n");
        CliRun forced = CliRun.run("resolve", "--input", semicolons.toString(), "--delimiter", "comma", "--verbose",
                "--out", dir.resolve("out").toString());
        assertEquals(0, forced.status(), forced.err());
        assertTrue(forced.err().contains("forced.csv (delimiter commas)"), forced.err());
        assertTrue(forced.err().contains("no record id column"), "one column, as asked: " + forced.err());
    }

    @Test
    void aHeaderRowLongerThanTheReadBufferIsRead(@TempDir Path dir) throws Exception {
        StringBuilder header = new StringBuilder("record_id");
        StringBuilder row = new StringBuilder("A1");
        for (int i = 0; i < 8000; i++) {
            header.append(";column_").append(i);
            row.append(";v");
        }
        Path input = write(dir, "wide.csv", header + "\n" + row + "\n");
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("wide.csv: columns separated by semicolons"), run.err());
        assertTrue(Files.readAllLines(dir.resolve("out/clusters.csv")).get(1).startsWith("A1,"));
    }

    @Test
    void detectDelimiterIgnoresDelimitersInsideQuotes() {
        assertEquals(';', CsvInput.detectDelimiter("\"a,b,c\";d;e"));
        assertEquals(',', CsvInput.detectDelimiter("a,b;c,d"));
        assertEquals('\t', CsvInput.detectDelimiter("id\tname\temail"));
        assertEquals(',', CsvInput.detectDelimiter("just_one_column"));
        assertEquals(',', CsvInput.detectDelimiter("a;b,c"), "a tie goes to the comma");
    }

    @Test
    void anUnbalancedQuoteNamesItsLineAndTheReason(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("record_id,first_name\n1,Ann\n2,\"Bob\n");
        for (int i = 3; i <= 102; i++) {
            csv.append(i).append(",X").append(i).append('\n');
        }
        Path input = write(dir, "quote.csv", csv.toString());
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(run, 1, "quote.csv line 3", "never closed", "unbalanced \"");

        Path header = write(dir, "header.csv", "record_id,\"first_name\n1,Ann\n");
        assertOneLineError(CliRun.run("resolve", "--input", header.toString()), 1, "header.csv line 1", "never closed");

        Path stray = write(dir, "stray.csv", "record_id,first_name\n1,Ann\n2,\"Bob\"x\n");
        assertOneLineError(CliRun.run("resolve", "--input", stray.toString()), 1, "stray.csv line 3", "closing \"");
    }

    /**
     * Rows become records on a thread beside the parser, a batch at a time: warnings keep their rows'
     * order across batches, and of two problems the one on the earlier row is the one reported, even
     * when the parser has already met the later one.
     */
    @Test
    void problemsAreReportedInRowOrderAcrossBatches(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("record_id,first_name\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append(i == 1500 || i == 3700 ? "" : Integer.toString(i)).append(",Ann").append(i % 97).append('\n');
        }
        Path blanks = write(dir, "blanks.csv", csv.toString());
        CliRun run = CliRun.run("resolve", "--input", blanks.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        int first = run.err().indexOf("row 1500: blank record id");
        int second = run.err().indexOf("row 3700: blank record id");
        assertTrue(first >= 0 && second > first, run.err());
        assertTrue(run.out().contains("Resolved 5000 records"), run.out());

        // a record id over the limit on row 2 (the assembler's), an unbalanced quote on line 2,003 (the parser's)
        StringBuilder both = new StringBuilder("record_id,first_name\n").append("x".repeat(300)).append(",Ann\n");
        for (int i = 3; i <= 2002; i++) {
            both.append(i).append(",Bo\n");
        }
        both.append("2003,\"Cy\n");
        for (int i = 2004; i <= 2100; i++) {
            both.append(i).append(",Di\n");
        }
        Path input = write(dir, "both.csv", both.toString());
        assertOneLineError(CliRun.run("resolve", "--input", input.toString()), 1, "both.csv row 1", "record id");
    }

    @Test
    void randomBytesAreNotACsvOrJsonLinesFile(@TempDir Path dir) throws Exception {
        Random random = new Random(15);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[100 + random.nextInt(5000)];
            random.nextBytes(bytes);
            String name = i % 2 == 0 ? "random.csv" : "random.jsonl";
            Path input = Files.write(dir.resolve(name), bytes);
            CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
            assertEquals(1, run.status(), "seeded case " + i + ": " + run.out() + run.err());
            assertTrue(run.err().startsWith("unum: " + name + " line "), "names the line: " + run.err());
            assertTrue(run.err().contains("not a CSV or JSON lines file (it holds binary data"), "case " + i + ": "
                    + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        byte[] binary = {'i', 'd', '\n', '1', 0, 2, 3, '\n'};
        Path input = Files.write(dir.resolve("binary.csv"), binary);
        assertOneLineError(CliRun.run("resolve", "--input", input.toString()), 1,
                "binary.csv line 2: not a CSV or JSON lines file");
    }

    @Test
    void anEmptyFileIsEmptyInput(@TempDir Path dir) throws Exception {
        for (String name : List.of("empty.csv", "empty.jsonl", "bom.csv")) {
            Path input = write(dir, name, name.startsWith("bom") ? "\uFEFF\n" : name.endsWith(".csv") ? "" : "\n  \n");
            CliRun run = CliRun.run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
            assertOneLineError(run, 1, name + ": empty input");
        }
        Path headerOnly = write(dir, "header.csv", "record_id,email\n");
        CliRun run = CliRun.run("resolve", "--input", headerOnly.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("header.csv: a header row but no records"), run.err());
    }

    @Test
    void aDirectoryAsInputIsADirectory(@TempDir Path dir) {
        CliRun run = CliRun.run("resolve", "--input", dir.toString());
        assertOneLineError(run, 2, "--input " + dir + ": is a directory", "Try 'unum resolve --help'");
        CliRun missing = CliRun.run("resolve", "--input", dir.resolve("nope.csv").toString());
        assertOneLineError(missing, 2, "nope.csv: input file not found");
    }

    @Test
    void anUnusableOutIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = write(dir, "taken", "x");
        CliRun existing = CliRun.run("resolve", "--out", file.toString());
        assertOneLineError(existing, 2, "--out " + file + ": is an existing file");
        assertFalse(existing.out().contains("bundled sample") || existing.err().contains("train"),
                "refused before reading or training: " + existing.out() + existing.err());

        CliRun under = CliRun.run("resolve", "--out", file.resolve("sub").toString());
        assertOneLineError(under, 2, "--out " + file.resolve("sub") + ": cannot create the directory");

        CliRun evaluate = CliRun.run("evaluate", "--out", file.toString());
        assertOneLineError(evaluate, 2, "is an existing file");
        CliRun generate = CliRun.run("generate", "--people", "10", "--seed", "1", "--out", file.toString());
        assertOneLineError(generate, 2, "is an existing file");

        // report --out names a file: a directory, or a path under a file, is refused before any work
        CliRun report = CliRun.run("report", "--out", dir.toString());
        assertOneLineError(report, 2, "--out " + dir + ": is a directory");
        assertFalse(report.out().contains("bundled sample"), "refused before reading: " + report.out());
        CliRun reportUnder = CliRun.run("report", "--out", file.resolve("page.html").toString());
        assertOneLineError(reportUnder, 2, "is a file, not a directory");
    }

    @Test
    void mappingNamingAMissingColumnIsAnErrorNamingTheHeaders(@TempDir Path dir) throws Exception {
        Path input = write(dir, "crm.csv", "cust_no,fname,e_mail\nC1,Ann,ann@example.com\n");
        Path idTypo = write(dir, "id.json", "{\"id\": \"cust_nr\"}");
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--mapping", idTypo.toString(), "--out",
                dir.resolve("out").toString());
        assertOneLineError(run, 1, "mapping file id.json", "\"id\"", "cust_nr", "crm.csv", "[cust_no, fname, e_mail]");

        Path columnTypo = write(dir, "col.json", "{\"id\": \"cust_no\", \"columns\": {\"e-mial\": \"email\"}}");
        run = CliRun.run("resolve", "--input", input.toString(), "--mapping", columnTypo.toString(), "--out",
                dir.resolve("out").toString());
        assertOneLineError(run, 1, "\"columns.e-mial\"", "e_mial", "no input has", "[cust_no, fname, e_mail]");

        Path ignoreTypo = write(dir, "ign.json", "{\"id\": \"cust_no\", \"ignore\": [\"clustr\"]}");
        run = CliRun.run("resolve", "--input", input.toString(), "--mapping", ignoreTypo.toString(), "--out",
                dir.resolve("out").toString());
        assertOneLineError(run, 1, "\"ignore[0]\"", "clustr");

        run = CliRun.run("resolve", "--input", input.toString(), "--ignore-column", "notes", "--out",
                dir.resolve("out").toString());
        assertOneLineError(run, 1, "--ignore-column notes: no input has this column", "cust_no");

        Path jsonl = write(dir, "crm.jsonl", "{\"cust_no\": \"C1\", \"fname\": \"Ann\"}\n");
        run = CliRun.run("resolve", "--input", jsonl.toString(), "--mapping", idTypo.toString(), "--out",
                dir.resolve("out").toString());
        assertOneLineError(run, 1, "cust_nr", "crm.jsonl does not have", "[cust_no, fname]");

        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"id\": \"cust_no\", \"source\": \"Caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        run = CliRun.run("resolve", "--input", input.toString(), "--mapping", latin1.toString());
        assertOneLineError(run, 1, "mapping file latin1.json is not UTF-8 text");

        Path good = write(dir, "good.json", "{\"id\": \"cust_no\", \"columns\": {\"e-mail\": \"email\"}}");
        run = CliRun.run("resolve", "--input", input.toString(), "--mapping", good.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("C1,", Files.readAllLines(dir.resolve("out/clusters.csv")).get(1).substring(0, 3));
    }

    @Test
    void aJsonObjectNamingAKeyTwiceIsRefused(@TempDir Path dir) throws Exception {
        Path input = write(dir, "dup.jsonl", "{\"id\": \"1\"}\n{\"id\": \"2\", \"email\": \"a@example.com\","
                + " \"email\": \"b@example.com\"}\n");
        assertOneLineError(CliRun.run("resolve", "--input", input.toString()), 1, "dup.jsonl line 2",
                "names one key twice");
    }

    @Test
    void aTruthPatternMatchingNoIdIsAnError(@TempDir Path dir) throws Exception {
        Path input = write(dir, "in.csv", "record_id,first_name\nA1,Ann\nA2,Bob\n");
        CliRun run = CliRun.run("evaluate", "--input", input.toString(), "--truth-pattern", "rec-(\\d+)");
        assertOneLineError(run, 1, "--truth-pattern rec-(\\d+) matches none of the 2 record ids");
        assertFalse(run.out().contains("pairwise_f1"), "no result printed: " + run.out());

        Path column = write(dir, "col.csv", "record_id,first_name,cluster\nA1,Ann,\nA2,Bob,\n");
        run = CliRun.run("evaluate", "--input", column.toString(), "--truth-column", "cluster");
        assertOneLineError(run, 1, "--truth-column cluster is empty");
    }

    @Test
    void noCommandIsAUsageErrorAndUsageErrorsAreShort() {
        CliRun none = CliRun.run();
        assertEquals(2, none.status());
        assertTrue(none.err().contains("Usage: unum"), none.err());
        assertEquals("", none.out());

        CliRun unknown = CliRun.run("resolve", "--inptu=x.csv");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("unum: Unknown option: '--inptu=x.csv'"), unknown.err());
        assertTrue(unknown.err().contains("--input"), "suggests the option meant: " + unknown.err());
        assertTrue(unknown.err().contains("Try 'unum resolve --help' for more information."), unknown.err());
        assertTrue(unknown.err().lines().count() <= 5, "no full usage: " + unknown.err());

        CliRun badCommand = CliRun.run("reslove");
        assertEquals(2, badCommand.status());
        assertTrue(badCommand.err().contains("resolve"), "suggests the command meant: " + badCommand.err());
    }

    @Test
    void pairOptionsSayHowManyPairsTheyTake() {
        CliRun explain = CliRun.run("explain", "--help");
        assertEquals(0, explain.status());
        assertTrue(explain.out().contains("[--pair=ID1,ID2]..."), "explain explains several pairs: " + explain.out());
        CliRun report = CliRun.run("report", "--help");
        assertEquals(0, report.status());
        assertTrue(report.out().contains("[--pair=ID1,ID2]") && !report.out().contains("[--pair=ID1,ID2]..."),
                "report's waterfall is of one pair: " + report.out());
        assertFalse(report.out().contains("ID1,ID2["), report.out());
    }

    @Test
    void explainExplainsEveryPairGivenInOneRun() {
        CliRun one = CliRun.run("explain", "--pair", "C1002,W5001");
        assertEquals(0, one.status(), one.err());
        CliRun two = CliRun.run("explain", "--pair", "C1002,W5001", "--pair=C1002,C1003");
        assertEquals(0, two.status(), two.err());
        assertTrue(two.out().startsWith(one.out() + "\n"), "the first pair as alone, then the second: " + two.out());
        assertTrue(two.out().contains("C1003"), two.out());
        assertOneLineError(CliRun.run("explain", "--pair", "C1002,W5001", "--pair", "C1002,C1002x"), 2,
                "no record with id C1002x");
        assertOneLineError(CliRun.run("explain", "--pair", "C1002,W5001", "--pair", "C1002"), 2,
                "--pair takes two record ids separated by a comma, was given one");
        assertOneLineError(CliRun.run("explain", "--pair", "C1002,W2002,C1003"), 2, "was given 3 ids");
        assertOneLineError(CliRun.run("report", "--pair", "C1002,", "--out", "unused.html"), 2, "was given an empty id");
    }

    @Test
    void helpListsEveryCommandWithAWholeSentenceAndNoEscapeCodes() {
        CliRun help = CliRun.run("--help");
        assertEquals(0, help.status());
        assertFalse(help.out().contains("\u001b"), "no escape codes when not on a terminal");
        assertEquals(picocli.CommandLine.Help.Ansi.OFF, Main.ansi(false), "colours only on a terminal");
        List<String> entries = new ArrayList<>();
        boolean commands = false;
        for (String line : help.out().lines().toList()) {
            if (line.equals("Commands:")) {
                commands = true;
            } else if (commands && line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (commands && line.startsWith("    ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertTrue(entries.size() >= 10, help.out());
        for (String entry : entries) {
            assertTrue(entry.endsWith("."), "a command's summary is cut off: " + entry);
        }
    }

    /**
     * Help text is wrapped at 80 columns, each description element on lines of its own: an
     * element longer than that which does not end its sentence (it goes on in the next element)
     * or that is laid out with leading spaces comes out as ragged fragments.
     */
    @Test
    void everyCommandsHelpIsWholeParagraphs() {
        picocli.CommandLine main = new picocli.CommandLine(new Main());
        List<String> ragged = new ArrayList<>();
        for (picocli.CommandLine command : main.getSubcommands().values()) {
            picocli.CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            List<String> elements = new ArrayList<>(List.of(usage.header()));
            elements.addAll(List.of(usage.description()));
            elements.addAll(List.of(usage.footer()));
            for (String element : elements) {
                String text = element.replace("%%", "%").replace("%n", "");
                boolean laidOut = text.startsWith(" ");
                boolean whole = text.isEmpty() || text.endsWith(".") || text.endsWith(":");
                if (text.length() > 80 && (laidOut || !whole)) {
                    ragged.add(command.getCommandName() + ": " + text);
                }
            }
        }
        assertTrue(ragged.isEmpty(), "help text that wraps into fragments: " + ragged);
    }

    @Test
    void theSummarySaysWhatLinksCount(@TempDir Path dir) {
        CliRun run = CliRun.run("resolve", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().matches("(?s).*links: \\d+ pairs of records that a rule matched.*"), run.out());
    }

    @Test
    void explainTakesAProfileIdFromClusters(@TempDir Path dir) throws Exception {
        assertEquals(0, CliRun.run("resolve", "--out", dir.toString()).status());
        String row = Files.readAllLines(dir.resolve("clusters.csv")).stream().filter(l -> l.startsWith("C1002,"))
                .findFirst().orElseThrow();
        String profile = row.substring(row.indexOf(',') + 1);
        CliRun byProfile = CliRun.run("explain", "--profile", profile);
        assertEquals(0, byProfile.status(), byProfile.err());
        assertTrue(byProfile.out().startsWith("profile " + profile + " is held together by"), byProfile.out());
        CliRun byRecord = CliRun.run("explain", "--profile", "C1002");
        assertEquals(byProfile.out(), byRecord.out(), "a record id explains its profile");
        assertOneLineError(CliRun.run("explain", "--profile", "p0000"), 2, "no record or profile with id p0000");
    }

    @Test
    void inputTextCountsLinesAcrossBuffersAndDecodesSplitCharacters() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append("Jos\u00e9 \u00c5ngstr\u00f6m \u20ac").append(i).append('\n');
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        try (InputText reader = new InputText(new java.io.ByteArrayInputStream(utf8), "t.csv", StandardCharsets.UTF_8)) {
            StringBuilder read = new StringBuilder();
            char[] buffer = new char[777];
            for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
                read.append(buffer, 0, n);
            }
            assertEquals(text.toString(), read.toString(), "characters split across buffers decode whole");
            assertEquals(-1, reader.read(buffer, 0, buffer.length), "the end, again");
        }
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(utf8, 0, utf8.length);
        bad.write(new byte[] {'x', (byte) 0xE9, 'y', '\n'});
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> {
            try (InputText reader = new InputText(new java.io.ByteArrayInputStream(bad.toByteArray()), "t.csv",
                    StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                while (reader.read(buffer, 0, buffer.length) >= 0) {
                    // read to the end
                }
            }
        });
        assertTrue(e.getMessage().startsWith("t.csv line 40001: not UTF-8 text (byte 0xE9"), e.getMessage());
    }
}
