package io.unum.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of {@link UnumSpark#resolve}: Spark datasets, computed once and cached, and the
 * statistics. Immutable; the datasets are Spark's (safe to use from the driver thread that owns
 * the session).
 *
 * @param clusters one row per resolved record: {@code source}, {@code record_id},
 *     {@code profile_id}
 * @param profiles one row per golden profile with the fields of the command line's
 *     {@code profiles.jsonl}: {@code profile_id}, {@code version}, {@code records} (source, id),
 *     {@code identifiers} (type, value) and {@code attributes} (per attribute, the golden values
 *     with their provenance: value, source, record, observed_at, rule);
 *     {@code profiles().write().json(dir)} writes them as JSON lines
 * @param issues one row per input issue: {@code source}, {@code record_id}, {@code field},
 *     {@code problem} (the engine's {@link io.unum.InputIssue.Problem} codes, or
 *     {@code MISSING_RECORD_ID} for a row without an id), {@code action}
 * @param statistics what the run counted and how long each stage took
 */
public record SparkResolution(Dataset<Row> clusters, Dataset<Row> profiles, Dataset<Row> issues,
        SparkStatistics statistics) {

    public SparkResolution {
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(statistics, "statistics");
    }
}
