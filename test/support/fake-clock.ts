/** Monday 23 November 2026, 10:00 in Amsterdam: where every test clock starts unless told otherwise. */
export const MONDAY = new Date('2026-11-23T09:00:00Z');

/** A settable clock for tests (the domain's `Clock`); it only moves when a test moves it. */
export class FakeClock {
  constructor(public current: Date = MONDAY) {}
  now = () => new Date(this.current.getTime());
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
  addMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  addHours(hours: number): void {
    this.addMinutes(hours * 60);
  }
  addDays(days: number): void {
    this.addMinutes(days * 24 * 60);
  }
}
