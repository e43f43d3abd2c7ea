package io.unum.generator;

/**
 * Junk identifier values that real shops and their customers put into records: values on no
 * placeholder list, shared by many <em>different</em> people, which link strangers through any
 * rule that trusts a shared identifier. Laid over the rendered records from revision 3 on
 * (see {@link CustomerDataGenerator.Builder#junk(boolean)}); they never change whose record it
 * is. {@link GenerationSummary#junk()} counts, per kind, the records that carry it, the distinct
 * values and the most people sharing one value. The rates and how they grow with the number of
 * people are in {@link CustomerDataGenerator}'s class comment.
 */
public enum JunkKind {
    /**
     * A shop's default loyalty card number, keyed in at the till for a customer who has no card
     * or did not show it ({@code pos} records): each keying shop has its own (a card number of
     * the chain's series, e.g. {@code LY4711042318}, or a real-looking one) or uses one of two
     * chain-wide defaults ({@code 0000000001} and the chain's prefix followed by zeros).
     */
    DEFAULT_LOYALTY_ID,
    /**
     * The shop's own phone number in place of the customer's: typed by a cashier
     * ({@code pos}) or left by an order placed at the shop's kiosk ({@code webshop}).
     */
    SHOP_PHONE,
    /**
     * A made-up address at the chain's own domain typed by a cashier when a customer gives no
     * e-mail ({@code pos}): {@code noemail@<chain domain>} chain-wide, or a shop's own such as
     * {@code store0042@<chain domain>} or {@code austinstore17@<chain domain>}.
     */
    SHOP_EMAIL,
    /**
     * The e-mail of an agency or an assistant (a travel agency, a personal assistant, a care
     * home, a company's purchasing desk) that registers many unrelated people ({@code webshop},
     * {@code support} and {@code newsletter} records of its clients): a third a desk at the
     * agency's domain ({@code bookings@harwoodtravel.com}), a third the agency's name on a free
     * mailbox ({@code harwoodtravel12@gmail.com}), a third an assistant's own-looking address
     * ({@code mary.harwood.pa3@yahoo.com}).
     */
    AGENCY_EMAIL,
    /**
     * A parent's own personal e-mail on a child's records: the parent registered the child's
     * web shop account and newsletter subscription ({@code webshop} and {@code newsletter}
     * records). Shared within one household only, so it does not grow with the data set. (The
     * household's <em>family</em> mailbox is a hard negative, {@link HardNegative#SHARED_FAMILY_EMAIL},
     * present in every revision.)
     */
    FAMILY_EMAIL
}
