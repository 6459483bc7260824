/** A whole number as analysts read it: 1,000,357. */
export const formatCount = (x: number) => x.toLocaleString("en-US");

/** The first value of a search parameter that may repeat. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
