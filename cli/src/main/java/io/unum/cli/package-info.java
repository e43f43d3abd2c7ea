/**
 * The {@code unum} command line: {@code resolve} (inputs to golden profiles), {@code generate}
 * (synthetic customer records with ground truth), {@code evaluate} (resolve, then measure
 * against ground truth) and {@code report} (one self-contained HTML page of diagnostics:
 * {@code ReportModel} computes it, {@code HtmlReport} and {@code ReportCharts} draw it).
 *
 * <p>Inputs are CSV files or JSON lines ({@code Inputs}); columns are recognized by
 * their headers or named by a mapping file ({@code ColumnMapping},
 * {@code InputMapping}). Ground truth comes from a truth file, a truth column or a
 * pattern on record ids ({@code GroundTruth}). Every command resolves with
 * {@code DefaultConfiguration#resolver()}, so what {@code evaluate} measures is
 * what {@code resolve} does. Long runs draw a progress bar on a terminal
 * ({@code ProgressBar}) and nothing otherwise. Messages name files, rows, columns and
 * record ids, never personal values.
 *
 * <p>A graph can be kept in a store ({@code StoreOptions}: a SQLite file or PostgreSQL, through
 * {@code io.unum.store.jdbc}): {@code ingest} adds inputs to it incrementally (the first ingest
 * fixes the store's configuration), {@code forget} erases from it (both open the store as its one
 * writer), and {@code profile}, {@code export} and {@code changes} read its tables with SQL
 * ({@code JdbcStoreReader}), without the writer lock.
 */
package io.unum.cli;
