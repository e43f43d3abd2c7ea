/**
 * Postal addresses: street types and directions in canonical abbreviations, units and
 * apartments split off, house numbers, postcodes with leading zeros kept, states and cities,
 * with United States and Australian conventions; geographic coordinates. Start at
 * {@link io.unum.matchers.address.Addresses}.
 */
package io.unum.matchers.address;
