/**
 * Dates as Dutch people read them, in the Netherlands' time zone: the one formatter for cards,
 * lists and exports. A value that is not a date is shown as it is rather than breaking a card.
 */
export function formatDutchDate(iso: string, timeZone = 'Europe/Amsterdam'): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat('nl-NL', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(time));
}

/** "3 november 2026 om 14:05". */
export function formatDutchDateTime(iso: string, timeZone = 'Europe/Amsterdam'): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const clock = new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(time));
  return `${formatDutchDate(iso, timeZone)} om ${clock}`;
}
