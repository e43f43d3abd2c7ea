/**
 * Unum core: the model, the engine, the SPIs and the in-memory identity graph.
 */
module io.unum.core {
    requires org.slf4j;

    exports io.unum;
    exports io.unum.evaluation;
    exports io.unum.model;
    exports io.unum.rules;
    exports io.unum.spi;
    exports io.unum.privacy;
    exports io.unum.training;
    exports io.unum.store;

    uses io.unum.spi.RuleSetProvider;
}
