// Dates written as text (TMDB's release dates, an import's CSV), checked against the calendar: a
// regular expression lets "2023-02-30" through, which Postgres refuses and JavaScript's Date
// quietly turns into 2 March.

/** `value` when it is a day of the calendar Postgres can store ("2023-02-30" and year 0 are not), else null. */
export function calendarDate(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && daysInMonth !== undefined && day >= 1 && day <= daysInMonth ? value! : null;
}
