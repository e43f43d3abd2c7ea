/**
 * Unum matchers: normalizers, comparators, phonetic encoders and ready-made rules for customer
 * data, plugged into the SPIs of {@code io.unum.core}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.unum.matchers {
    requires transitive io.unum.core;
    requires org.apache.commons.codec;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires com.ibm.icu;

    exports io.unum.matchers;
    exports io.unum.matchers.address;
    exports io.unum.matchers.compare;
    exports io.unum.matchers.dates;
    exports io.unum.matchers.email;
    exports io.unum.matchers.ids;
    exports io.unum.matchers.names;
    exports io.unum.matchers.phone;
    exports io.unum.matchers.phonetic;

    provides io.unum.spi.RuleSetProvider with io.unum.matchers.CustomerRulesProvider;
}
