/*
 * The shapes of IP address text that Postgres's inet input accepts, as regular expressions that
 * read the same in JavaScript and in Postgres (ARE). Raw fields are arbitrary text ("-",
 * "999.1.1.1", "203.0.113.7:443"), and a failed ::inet cast aborts the whole rule query, so SQL
 * casts only text these match. Deliberately a subset: every string matched casts; a rare valid
 * spelling that is not matched is treated as "not an IP", never as an error. No backslashes, so
 * the text can sit in an SQL literal whatever standard_conforming_strings says.
 */

const OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const V4 = `${OCTET}([.]${OCTET}){3}`;
const H = "[0-9a-fA-F]{1,4}";
const V6 = [
  `(${H}:){7}${H}`,
  `(${H}:){1,7}:`,
  `(${H}:){1,6}:${H}`,
  `(${H}:){1,5}(:${H}){1,2}`,
  `(${H}:){1,4}(:${H}){1,3}`,
  `(${H}:){1,3}(:${H}){1,4}`,
  `(${H}:){1,2}(:${H}){1,5}`,
  `${H}:(:${H}){1,6}`,
  `:((:${H}){1,7}|:)`,
  // An IPv4 tail stands for two groups: six before it, or fewer around a "::" (l left, r right, l + r ≤ 5).
  `(${H}:){6}${V4}`,
  `::(${H}:){0,5}${V4}`,
  ...[1, 2, 3, 4, 5].map((l) => `(${H}:){${l}}:(${H}:){0,${5 - l}}${V4}`),
].join("|");

/** A whole IPv4 address (no leading zeros, so no octal ambiguity). */
export const IPV4_PATTERN = `^${V4}$`;
/** A whole IPv6 address, compressed or not, optionally ending in an IPv4 address; no zone index. */
export const IPV6_PATTERN = `^(${V6})$`;

const V4_PREFIX = "(3[0-2]|[12]?[0-9])";
const V6_PREFIX = "(12[0-8]|1[01][0-9]|[1-9]?[0-9])";
const CIDR = new RegExp(`^((${V4})(/${V4_PREFIX})?|(${V6})(/${V6_PREFIX})?)$`);

/** Whether text is an address or network ("10.0.0.0/8", "2001:db8::/32") that Postgres reads as inet. */
export function isCidrText(text: string): boolean {
  return CIDR.test(text);
}
