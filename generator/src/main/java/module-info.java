/**
 * Unum's synthetic customer-data generator: seeded, streaming, with ground truth.
 */
module io.unum.generator {
    requires transitive io.unum.core;
    requires org.apache.commons.csv;

    exports io.unum.generator;
}
