package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that keep a graph in a store, on SQLite files in a temporary folder:
 * {@code ingest} (incremental, chunked, the first ingest fixing the configuration),
 * {@code profile}, {@code forget}, {@code export} and {@code changes}, and their errors.
 * {@link PostgresStoreCommandsTest} runs the same on PostgreSQL.
 */
class StoreCommandsTest {

    static final Path SAMPLE = Path.of("src/main/resources/io/unum/cli/sample");
    static final String CRM = SAMPLE.resolve("crm.csv").toString();
    static final String WEBSHOP = SAMPLE.resolve("webshop.csv").toString();
    static final String NEWSLETTER = SAMPLE.resolve("newsletter.csv").toString();
    static final String INGEST_LINE = "records=\\d+ stored=\\d+ profiles=\\d+ changes=\\d+ rejected=\\d+"
            + " seconds=\\d+\\.\\d{3}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoIngestsGiveTheClustersOfOneResolve(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertIngestsEqualResolve(store, dir);
    }

    /** Ingests crm+webshop, then webshop (again, unchanged) + newsletter; compares with resolve of all three. */
    static void assertIngestsEqualResolve(String store, Path dir) throws Exception {
        CliRun first = CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("New store: its configuration is now "), first.out());
        assertTrue(first.lastLine().matches(INGEST_LINE), first.lastLine());
        assertTrue(first.lastLine().startsWith("records=235 stored=235 "), first.lastLine());

        CliRun second = CliRun.run("ingest", "--store", store, "--input", WEBSHOP, "--input", NEWSLETTER, "--chunk", "50");
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("The store's configuration: "), second.out());
        assertTrue(second.out().contains("in 5 transaction(s)"), "205 records in chunks of 50: " + second.out());
        assertTrue(second.lastLine().startsWith("records=205 stored=307 "), second.lastLine());

        CliRun export = CliRun.run("export", "--store", store, "--out", dir.resolve("exported").toString());
        assertEquals(0, export.status(), export.err());
        CliRun resolve = CliRun.run("resolve", "--input", CRM, "--input", WEBSHOP, "--input", NEWSLETTER, "--out",
                dir.resolve("resolved").toString());
        assertEquals(0, resolve.status(), resolve.err());
        Map<String, String> exported = clusters(dir.resolve("exported/clusters.csv"));
        Map<String, String> resolved = clusters(dir.resolve("resolved/clusters.csv"));
        assertEquals(307, exported.size());
        assertEquals(partition(resolved), partition(exported), "the kept graph's partition is the batch partition");
        int profiles = partition(resolved).size();
        assertEquals(profiles, Files.readAllLines(dir.resolve("exported/profiles.jsonl")).size());
        assertEquals("records=307 profiles=" + profiles, export.lastLine().replaceAll(" seconds=.*", ""));
        Set<String> ids = new HashSet<>(exported.values());
        for (String line : Files.readAllLines(dir.resolve("exported/profiles.jsonl"))) {
            assertTrue(ids.contains(JSON.readTree(line).get("profile_id").asText()), line);
        }

        CliRun again = CliRun.run("ingest", "--store", store, "--input", NEWSLETTER);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.lastLine().contains(" changes=0 "), "records stored unchanged change nothing: " + again.lastLine());
    }

    @Test
    void manySmallTransactionsGiveTheSamePartitionAndLeaveAliases(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        CliRun run = CliRun.run("ingest", "--store", store, "--input", NEWSLETTER, "--input", WEBSHOP, "--input", CRM,
                "--chunk", "25", "--durability", "normal");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("in 13 transaction(s)"), run.out());
        assertEquals(0, CliRun.run("export", "--store", store, "--out", dir.resolve("exported").toString()).status());
        assertEquals(0, CliRun.run("resolve", "--out", dir.resolve("resolved").toString()).status());
        assertEquals(partition(clusters(dir.resolve("resolved/clusters.csv"))),
                partition(clusters(dir.resolve("exported/clusters.csv"))));

        // a merge left an alias: the absorbed id finds the survivor
        List<String[]> merges = new ArrayList<>();
        CliRun changes = CliRun.run("changes", "--store", store);
        for (String line : changes.out().strip().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[2].equals("merged")) {
                merges.add(cells);
            }
        }
        assertFalse(merges.isEmpty(), "newsletter records first, then the CRM records that join them: " + changes.out());
        String[] merge = merges.get(merges.size() - 1);
        String absorbed = merge[4].split(" ")[0];
        CliRun byAlias = CliRun.run("profile", "--store", store, "--id", absorbed);
        assertEquals(0, byAlias.status(), byAlias.err());
        String survivor = JSON.readTree(byAlias.out().strip().split("\n")[0]).get("profile_id").asText();
        assertNotEquals(absorbed, survivor);
    }

    @Test
    void profileByIdEmailAndPhone(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertEquals(0, CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP).status());
        // crm C1002 has rebeccawalker47@outlook.com and (217) 343-6752
        String id;
        try (JdbcStoreReader reader = JdbcStoreReader.open(store)) {
            id = reader.profileOf(io.unum.model.RecordKey.of("crm", "C1002")).orElseThrow().value();
        }
        CliRun byEmail = CliRun.run("profile", "--store", store, "--email", " RebeccaWalker47@OUTLOOK.com ");
        assertEquals(0, byEmail.status(), byEmail.err());
        List<String> lines = byEmail.out().lines().toList();
        assertEquals(1, lines.size(), byEmail.out());
        JsonNode profile = JSON.readTree(lines.get(0));
        assertEquals(id, profile.get("profile_id").asText());
        assertTrue(members(profile).contains("crm/C1002"), lines.get(0));
        assertTrue(profile.get("attributes").has("last_name"), "golden values with provenance: " + lines.get(0));

        CliRun byId = CliRun.run("profile", "--store", store, "--id", id);
        assertEquals(0, byId.status(), byId.err());
        assertEquals(lines, byId.out().lines().toList());

        CliRun byPhone = CliRun.run("profile", "--store", store, "--phone", "217.343.6752");
        assertEquals(0, byPhone.status(), byPhone.err());
        assertTrue(byPhone.out().lines().anyMatch(l -> l.contains("\"profile_id\":\"" + id + "\"")), byPhone.out());

        CliRun nobody = CliRun.run("profile", "--store", store, "--email", "nobody.here@example.org");
        assertEquals(1, nobody.status());
        assertEquals("", nobody.out());
        assertTrue(nobody.err().contains("no profile holds this e-mail address"), nobody.err());
        assertFalse(nobody.err().contains("nobody.here"), "no personal value in messages: " + nobody.err());

        CliRun malformed = CliRun.run("profile", "--store", store, "--email", "not-an-address");
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().contains("--email: expected an e-mail address"), malformed.err());
        assertFalse(malformed.err().contains("not-an-address"), malformed.err());

        CliRun unknown = CliRun.run("profile", "--store", store, "--id", "p0000000000000000");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("no profile has id p0000000000000000"), unknown.err());

        CliRun two = CliRun.run("profile", "--store", store, "--id", id, "--email", "a@example.com");
        assertEquals(2, two.status());
        assertTrue(two.err().contains("give exactly one of --id, --email and --phone"), two.err());
    }

    @Test
    void forgetRemovesTheRecordsFromTheStoreAndTheExport(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertForgetAndChanges(store, dir);
    }

    static void assertForgetAndChanges(String store, Path dir) throws Exception {
        // a PostgreSQL store's suppression key lives in a file the caller names; SQLite's beside the database
        String[] key = store.startsWith("jdbc:postgresql:")
                ? new String[] {"--suppression-key", dir.resolve("store.suppression-key").toString()} : new String[0];
        assertEquals(0, CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP).status());
        long before = lastSeq(CliRun.run("changes", "--store", store).out());

        CliRun forget = CliRun.run(concat(key, "forget", "--store", store, "--email", "RebeccaWalker47@Outlook.com"));
        assertEquals(0, forget.status(), forget.err());
        assertTrue(forget.lastLine().matches("erased=\\d+ suppressed=\\d+ profiles_deleted=\\d+ profiles_changed=\\d+"
                + " at=\\S+ seconds=\\d+\\.\\d{3}"), forget.lastLine());
        int erased = Integer.parseInt(forget.lastLine().replaceAll("^erased=(\\d+) .*", "$1"));
        assertTrue(erased >= 1, forget.lastLine());
        assertTrue(forget.out().contains("Forgot " + erased + " record(s) from crm"), forget.out());
        assertFalse(forget.out().toLowerCase(java.util.Locale.ROOT).contains("rebeccawalker47"),
                "the audit holds no values: " + forget.out());

        CliRun record = CliRun.run(concat(key, "forget", "--store", store, "--record", "crm/C1003"));
        assertEquals(0, record.status(), record.err());
        assertTrue(record.lastLine().startsWith("erased=1 "), record.lastLine());

        CliRun nothing = CliRun.run(concat(key, "forget", "--store", store, "--record", "crm/no-such-record"));
        assertEquals(0, nothing.status(), nothing.err());
        assertTrue(nothing.out().contains("Nothing to forget"), nothing.out());

        assertEquals(0, CliRun.run("export", "--store", store, "--out", dir.resolve("after").toString()).status());
        Map<String, String> clusters = clusters(dir.resolve("after/clusters.csv"));
        assertEquals(235 - erased - 1, clusters.size());
        assertFalse(clusters.containsKey("C1002") || clusters.containsKey("C1003"), "forgotten records are gone");
        String profiles = Files.readString(dir.resolve("after/profiles.jsonl"));
        assertFalse(profiles.contains("rebeccawalker47@outlook.com") || profiles.contains("\"C1002\""), profiles);
        assertEquals(1, CliRun.run("profile", "--store", store, "--email", "rebeccawalker47@outlook.com").status());

        // the change feed after the ingest: the two erasures, as updates, deletions or splits of
        // profiles — or merges: an erased record can be what made a shared value generic (here the
        // Walkers' landline, shared by three people before and by two after), so the profiles it
        // kept apart join, as a batch of the remaining records joins them
        CliRun changes = CliRun.run("changes", "--store", store, "--since", Long.toString(before));
        assertEquals(0, changes.status(), changes.err());
        List<String> rows = changes.out().lines().toList();
        assertEquals("seq,item,kind,profile_id,related,recorded_at", rows.get(0));
        assertTrue(rows.size() >= 3, changes.out());
        Set<Long> seqs = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            seqs.add(Long.parseLong(cells[0]));
            assertTrue(Set.of("updated", "deleted", "split", "merged").contains(cells[2]), row);
        }
        assertEquals(Set.of(before + 1, before + 2), seqs, "one sequence number per erasure");

        CliRun json = CliRun.run("changes", "--store", store, "--since", Long.toString(before + 1), "--format", "jsonl");
        assertEquals(0, json.status(), json.err());
        for (String line : json.out().lines().toList()) {
            JsonNode change = JSON.readTree(line);
            assertEquals(before + 2, change.get("seq").asLong(), line);
            assertTrue(change.get("related").isArray() && change.has("recorded_at"), line);
        }
        CliRun none = CliRun.run("changes", "--store", store, "--since", Long.toString(before + 2));
        assertEquals(List.of("seq,item,kind,profile_id,related,recorded_at"), none.out().lines().toList());

    }

    @Test
    void anErasedPersonIsNotBroughtBackByALaterIngest(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertEquals(0, CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP).status());
        CliRun forget = CliRun.run("forget", "--store", store, "--email", "RebeccaWalker47@Outlook.com");
        assertEquals(0, forget.status(), forget.err());
        assertTrue(Files.isRegularFile(dir.resolve("graph.db.suppression-key")), "the first forget makes the key file");
        // the same sources again, in another run: the records that carry the erased address are refused
        CliRun again = CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP);
        assertEquals(0, again.status(), again.err());
        assertEquals(1, CliRun.run("profile", "--store", store, "--email", "rebeccawalker47@outlook.com").status(),
                "the erased person is not re-created");
        assertTrue(again.lastLine().contains(" rejected=2 "), "the two records with the erased address are refused: "
                + again.out());
        // without the key the store refuses to let erased people back in silently
        Files.move(dir.resolve("graph.db.suppression-key"), dir.resolve("elsewhere.key"));
        CliRun missing = CliRun.run("ingest", "--store", store, "--input", CRM);
        assertEquals(2, missing.status(), missing.err());
        assertTrue(missing.err().contains("--suppression-key"), missing.err());
        CliRun named = CliRun.run("ingest", "--store", store, "--input", CRM, "--suppression-key",
                dir.resolve("elsewhere.key").toString());
        assertEquals(0, named.status(), named.err());
    }

    @Test
    void aLaterIngestRefusesConfigurationOptions(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        CliRun first = CliRun.run("ingest", "--store", store, "--input", CRM, "--region", "GB", "--no-train");
        assertEquals(0, first.status(), first.err());
        for (List<String> options : List.of(List.of("--region", "US"), List.of("--no-train"),
                List.of("--model", dir.resolve("model.json").toString()), List.of("--date-order", "DAY_FIRST"),
                List.of("--duplicate-free", "webshop"))) {
            List<String> args = new ArrayList<>(List.of("ingest", "--store", store, "--input", WEBSHOP));
            args.addAll(options);
            CliRun later = CliRun.run(args.toArray(String[]::new));
            assertEquals(2, later.status(), later.out());
            assertTrue(later.err().contains(options.get(0) + ": the store's configuration was fixed by its first ingest"),
                    later.err());
            assertFalse(later.err().contains("Exception"), later.err());
        }
        try (JdbcStoreReader reader = JdbcStoreReader.open(store)) {
            assertEquals(102, reader.recordCount(), "the refused ingests added nothing");
            assertEquals("GB", reader.spec().orElseThrow().ruleSets().get(0).parameters().get("defaultRegion"));
        }
        // phone numbers are normalized with the store's region: a national number is read as British, as the
        // CRM's numbers were when they were stored, so the American reading of the same number finds nothing
        CliRun national = CliRun.run("profile", "--store", store, "--phone", "(217) 343-6752");
        assertEquals(0, national.status(), national.err());
        assertTrue(national.out().contains("\"id\":\"C1001\""), national.out());
        CliRun international = CliRun.run("profile", "--store", store, "--phone", "+1 217 343 6752");
        assertEquals(1, international.status(), international.out());
    }

    @Test
    void aStoreOfAnotherRevisionOfTheRulesIsRefusedUntilRebuilt(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertEquals(0, CliRun.run("ingest", "--store", store, "--input", CRM, "--input", WEBSHOP, "--no-train").status());
        assertEquals(0, CliRun.run("export", "--store", store, "--out", dir.resolve("before").toString()).status());
        // as a store written before the customer rules recorded their revision: revision 1
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store);
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT value FROM unum_meta WHERE name = 'spec.json'")) {
            assertTrue(rs.next());
            String json = rs.getString(1);
            // the revision from the running code (the constant would be the one this test was compiled with)
            String old = json.replaceFirst("\"revision\"\\s*:\\s*" + io.unum.matchers.CustomerRules.standard().revision()
                    + "\\s*,", "");
            assertNotEquals(json, old, json);
            try (java.sql.PreparedStatement p = c.prepareStatement("UPDATE unum_meta SET value = ? WHERE name = 'spec.json'")) {
                p.setString(1, old);
                assertEquals(1, p.executeUpdate());
            }
        }
        CliRun refused = CliRun.run("ingest", "--store", store, "--input", NEWSLETTER);
        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.err().contains("revision 1 of rule set \"customer\""), refused.err());
        assertTrue(refused.err().contains("ingest --rebuild"), refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());
        CliRun lookUp = CliRun.run("profile", "--store", store, "--phone", "(217) 343-6752");
        assertEquals(1, lookUp.status(), lookUp.out());
        assertTrue(lookUp.err().contains("ingest --rebuild"), "normalized as the store's configuration would: "
                + lookUp.err());

        // resolved again with this version (the stored records only: the same partition, every id kept)
        CliRun rebuilt = CliRun.run("ingest", "--store", store, "--input", CRM, "--rebuild", "--no-train");
        assertEquals(0, rebuilt.status(), rebuilt.err());
        assertTrue(rebuilt.lastLine().startsWith("records=102 stored=235 "), rebuilt.lastLine());
        assertEquals(0, CliRun.run("export", "--store", store, "--out", dir.resolve("after").toString()).status());
        assertEquals(clusters(dir.resolve("before/clusters.csv")), clusters(dir.resolve("after/clusters.csv")),
                "the same profiles under the same ids");
        try (JdbcStoreReader reader = JdbcStoreReader.open(store)) {
            assertEquals(io.unum.matchers.CustomerRules.standard().revision(),
                    reader.spec().orElseThrow().ruleSets().get(0).revision());
        }
        CliRun later = CliRun.run("ingest", "--store", store, "--input", NEWSLETTER);
        assertEquals(0, later.status(), later.err());
        assertTrue(later.lastLine().startsWith("records=72 stored=307 "), later.lastLine());
    }

    @Test
    void aReaderWorksWhileTheWriterHasTheStoreAndASecondWriterIsRefused(@TempDir Path dir) throws Exception {
        String store = dir.resolve("graph.db").toString();
        assertEquals(0, CliRun.run("ingest", "--store", store, "--input", CRM).status());
        try (JdbcGraphStore writer = JdbcGraphStore.open(store)) {
            CliRun profile = CliRun.run("profile", "--store", store, "--email", "rebeccawalker47@outlook.com");
            assertEquals(0, profile.status(), profile.err());
            assertEquals(0, CliRun.run("export", "--store", store, "--out", dir.resolve("out").toString()).status());
            CliRun ingest = CliRun.run("ingest", "--store", store, "--input", WEBSHOP);
            assertEquals(1, ingest.status());
            assertTrue(ingest.err().startsWith("unum: --store: ") && ingest.err().contains("already open for writing"),
                    ingest.err());
            CliRun forget = CliRun.run("forget", "--store", store, "--record", "crm/C1001");
            assertEquals(1, forget.status());
            assertTrue(forget.err().contains("already open for writing"), forget.err());
            assertTrue(writer.snapshot().recordCount() == 102);
        }
    }

    @Test
    void storeLocationErrorsNameTheOptionAndWhatWasExpected(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliRun directory = CliRun.run("ingest", "--store", folder.toString(), "--input", CRM);
        assertEquals(2, directory.status());
        assertTrue(directory.err().contains("--store: " + folder.toAbsolutePath() + " is a directory; expected a database"
                + " file such as"), directory.err());

        String missingFolder = dir.resolve("no/such/folder/graph.db").toString();
        CliRun missing = CliRun.run("ingest", "--store", missingFolder, "--input", CRM);
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--store: the folder " + dir.resolve("no/such/folder").toAbsolutePath()
                + " does not exist"), missing.err());
        assertFalse(Files.exists(dir.resolve("no")));

        for (String command : List.of("profile", "export", "changes", "forget")) {
            List<String> args = new ArrayList<>(List.of(command, "--store", dir.resolve("absent.db").toString()));
            if (command.equals("profile")) {
                args.addAll(List.of("--id", "p1"));
            } else if (command.equals("forget")) {
                args.addAll(List.of("--record", "crm/C1"));
            }
            CliRun absent = CliRun.run(args.toArray(String[]::new));
            assertEquals(2, absent.status(), command + ": " + absent.err());
            assertTrue(absent.err().contains("--store: no store at "), command + ": " + absent.err());
            assertFalse(Files.exists(dir.resolve("absent.db")), command + " created no file");

            args.set(2, folder.toString());
            CliRun isDirectory = CliRun.run(args.toArray(String[]::new));
            assertEquals(2, isDirectory.status(), command + ": " + isDirectory.err());
            assertTrue(isDirectory.err().contains("is a directory"), command + ": " + isDirectory.err());
        }

        Path notAStore = Files.writeString(dir.resolve("notes.db"), "");
        CliRun empty = CliRun.run("changes", "--store", notAStore.toString());
        assertEquals(1, empty.status());
        assertTrue(empty.err().contains("--store: store " + notAStore.toAbsolutePath() + " holds no Unum graph"),
                empty.err());

        CliRun noInput = CliRun.run("ingest", "--store", dir.resolve("graph.db").toString());
        assertEquals(2, noInput.status());
        assertTrue(noInput.err().contains("--input: give at least one CSV or JSON-lines file"), noInput.err());
        CliRun chunk = CliRun.run("ingest", "--store", dir.resolve("graph.db").toString(), "--input", CRM, "--chunk", "0");
        assertEquals(2, chunk.status());
        assertTrue(chunk.err().contains("--chunk: expected the number of records per transaction, at least 1"),
                chunk.err());
        CliRun other = CliRun.run("export", "--store", "jdbc:mysql://localhost/cdp");
        assertEquals(2, other.status());
        assertTrue(other.err().contains("--store: expected a SQLite file, a jdbc:sqlite: URL or a jdbc:postgresql:// URL"),
                other.err());
        CliRun badRecord = CliRun.run("forget", "--store", dir.resolve("graph.db").toString(), "--record", "C1001");
        assertEquals(2, badRecord.status());
        assertTrue(badRecord.err().contains("--record: expected SOURCE/ID, e.g. crm/C-17"), badRecord.err());
        CliRun since = CliRun.run("changes", "--store", dir.resolve("graph.db").toString(), "--since", "-1");
        assertEquals(2, since.status());
        assertTrue(since.err().contains("--since: expected a change sequence number, 0 or more"), since.err());
    }

    @Test
    void commandsWithoutAStoreAreUnchanged() {
        CliRun help = CliRun.run("--help");
        assertEquals(0, help.status());
        for (String command : List.of("resolve", "generate", "evaluate", "explain", "report", "ingest", "profile",
                "forget", "export", "changes")) {
            assertTrue(help.out().contains(command), command + " listed: " + help.out());
        }
        CliRun ingestHelp = CliRun.run("ingest", "--help");
        assertTrue(ingestHelp.out().contains("--store=FILE.db|URL") && ingestHelp.out().contains("--chunk=N")
                && ingestHelp.out().contains("--mapping=FILE.json"), ingestHelp.out());
    }

    // ------------------------------------------------------------------------------------------

    /** record_id to profile_id. */
    static Map<String, String> clusters(Path file) throws IOException {
        Map<String, String> clusters = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        assertEquals("record_id,profile_id", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(null, clusters.put(cells[0], cells[1]), "one row per record: " + line);
        }
        return clusters;
    }

    /** The clusters as sets of record ids, whatever the profile ids. */
    static Set<Set<String>> partition(Map<String, String> clusters) {
        Map<String, Set<String>> byProfile = new HashMap<>();
        clusters.forEach((record, profile) -> byProfile.computeIfAbsent(profile, p -> new HashSet<>()).add(record));
        return new HashSet<>(byProfile.values());
    }

    private static Set<String> members(JsonNode profile) {
        Set<String> members = new HashSet<>();
        profile.get("records").forEach(r -> members.add(r.get("source").asText() + "/" + r.get("id").asText()));
        return members;
    }

    static long lastSeq(String csv) {
        List<String> rows = csv.lines().toList();
        return rows.size() < 2 ? 0 : Long.parseLong(rows.get(rows.size() - 1).split(",")[0]);
    }

    /** The command's arguments followed by the extra ones. */
    static String[] concat(String[] extra, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }
}
