/** A month jump larger than this between consecutive lines is read as crossing a new year, not as disorder. */
const ROLLOVER_MONTHS = 6;
/** How far back the first line may look for a year that fits (a "Feb 29" needs a leap year). */
const MAX_YEARS_BACK = 8;

/**
 * Supplies years to year-less lines (syslog "Jan 22 07:52:33") in file order.
 * `instantUsFor(year)` is the line's instant if it were in that year, or null when the date does not exist then.
 */
export type YearInference = (month: number, instantUsFor: (year: number) => number | null) => number;

/**
 * The first line gets the latest year that puts it at or before the reference instant (a file's mtime
 * bounds its last line, and logs rarely span a year). After that the year follows the months: a jump back
 * by more than six months (Dec → Jan) is a new year. Smaller steps back are out-of-order lines, not a new year.
 * Forward jumps never decrement: a long quiet gap (Jan → Aug) is likelier than a December straggler.
 */
export function createYearInference(referenceMs: number): YearInference {
  const referenceUs = referenceMs * 1000;
  const referenceYear = new Date(referenceMs).getUTCFullYear();
  let year = referenceYear;
  let lastMonth = 0; // 0 until a first line has fixed the year

  return (month, instantUsFor) => {
    if (lastMonth === 0) {
      // Start one year ahead: in zones east of UTC the reference's local year may already be the next one.
      for (let y = referenceYear + 1; y >= referenceYear - MAX_YEARS_BACK; y--) {
        const instant = instantUsFor(y);
        if (instant !== null && instant <= referenceUs) {
          year = y;
          lastMonth = month;
          return year;
        }
      }
      // The date exists in no nearby year (e.g. "Feb 30"): let validation report it, and keep waiting for a usable first line.
      return referenceYear;
    }
    if (month < lastMonth - ROLLOVER_MONTHS) year++;
    lastMonth = month;
    return year;
  };
}
